"""The real elasticsearch-py 8 client, talking to recorded Elasticsearch 8 responses.

``RecordedNode`` replaces the HTTP node of elastic-transport: every request the client
sends is kept (method, path, query, body) and answered with the next response queued for
its method and path, from tests/search/es8_responses/. The responses follow what
Elasticsearch 8.x returns for these APIs (status, body and the X-Elastic-Product header
the client checks); Elasticsearch 8 itself cannot run on these machines.
"""

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse

RESPONSES = Path(__file__).parent / "es8_responses"


def recorded(name, **replacements):
    """A response file, with ``{name}`` placeholders filled in."""
    text = (RESPONSES / f"{name}.json").read_text()
    for key, value in replacements.items():
        text = text.replace("{" + key + "}", value)
    data = json.loads(text)
    return data["status"], data["body"]


class Request:
    def __init__(self, method, target, body):
        parts = urlsplit(target)
        self.method, self.path = method, parts.path
        self.query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        self.raw = body or b""
        text = self.raw.decode() if self.raw else ""
        lines = [line for line in text.split("\n") if line.strip()]
        self.lines = [json.loads(line) for line in lines] if self.path.endswith("_bulk") \
            else None
        self.json = json.loads(text) if text and self.lines is None else None

    def __repr__(self):
        return f"{self.method} {self.path}"


class RecordedNode(BaseNode):
    """Answers from ``RecordedNode.script``: [(method, path regex, (status, body))]."""

    _CLIENT_META_HTTP_CLIENT = ("rc", "1")
    script = []
    requests = []

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        request = Request(method, target, body)
        RecordedNode.requests.append(request)
        for position, (want_method, pattern, response) in enumerate(RecordedNode.script):
            if want_method == method and re.fullmatch(pattern, request.path):
                del RecordedNode.script[position]
                status, payload = response
                break
        else:
            raise AssertionError(f"unexpected request {method} {target}")
        meta = ApiResponseMeta(
            status=status, http_version="1.1", duration=0.0, node=self.config,
            headers=HttpHeaders({"content-type": "application/json",
                                 "x-elastic-product": "Elasticsearch"}),
        )
        return NodeApiResponse(meta, json.dumps(payload).encode())
