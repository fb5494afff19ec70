"""gunicorn settings for production (`gunicorn -c gunicorn.conf.py ledenportaal.wsgi`).

Workers are recycled now and then (a guard against slow memory growth), but rarely and
never all at once: each worker restarts after between ``max_requests`` and
``max_requests + max_requests_jitter`` requests, so under load the workers do not restart
in step, and a restarting worker first finishes its requests in flight (up to
``graceful_timeout`` seconds) while the others keep serving. At 2000 requests a worker
restarted every few seconds under load and connections were dropped (issue 12, item 22).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# 0 turns recycling off altogether.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER",
                                         str(max_requests // 10)))
# Keep-alive connections from the proxy stay open a little longer than a request takes.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
