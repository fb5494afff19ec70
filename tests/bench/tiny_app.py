"""A WSGI app for the harness tests: /ok answers 200, /redirect 302 (as a members' page
answers a visitor), /missing 404."""


def app(environ, start_response):
    path = environ.get("PATH_INFO", "")
    if path in ("/ok", "/healthz"):
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
        return [b"ok"]
    if path == "/redirect":
        start_response("302 Found", [("Location", "/accounts/login/"),
                                     ("Content-Length", "0")])
        return [b""]
    start_response("404 Not Found", [("Content-Length", "0")])
    return [b""]
