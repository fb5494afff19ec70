"""The real elasticsearch-py 8 client, talking to recorded Elasticsearch 8 responses.

``RecordedNode`` replaces the HTTP node of elastic-transport: every request the client
sends is kept (method, path, query, body) and answered with the next response queued for
its method and path, from tests/search/recorded/ (see its README.md: each file names the
page of the Elasticsearch 8.x REST API reference its shape comes from). The client
serialises the requests and parses the answers itself, including its check of the
X-Elastic-Product header; Elasticsearch 8 itself cannot run on these machines.
"""

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse
from elasticsearch import Elasticsearch

from search.backends import engine

URL = "http://recorded.invalid:9200"
PREFIX = "portal_unit_"
ALIAS = f"{PREFIX}documents"
INDEX = f"{ALIAS}_initial"

RESPONSES = Path(__file__).parent / "recorded"
DEFAULT_HEADERS = {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}


def recorded(name, **replacements):
    """A response file, with ``{name}`` placeholders filled in: (status, headers, body)."""
    text = (RESPONSES / f"{name}.json").read_text()
    for key, value in replacements.items():
        text = text.replace("{" + key + "}", value)
    data = json.loads(text)
    assert data["source"], f"{name}.json names no source"
    return data["status"], data.get("headers", DEFAULT_HEADERS), data["body"]


def recorded_request(name):
    """A request the backend must send (tests/search/recorded/requests/)."""
    return json.loads((RESPONSES / "requests" / f"{name}.json").read_text())["request"]


class Request:
    def __init__(self, method, target, body, headers=None):
        self.headers = {key.lower(): value for key, value in (headers or {}).items()}
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
    """Answers from ``RecordedNode.script``: [(method, path regex, recorded(...))]."""

    _CLIENT_META_HTTP_CLIENT = ("rc", "1")
    script = []
    requests = []

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        request = Request(method, target, body, headers)
        RecordedNode.requests.append(request)
        for position, (want_method, pattern, response) in enumerate(RecordedNode.script):
            if want_method == method and re.fullmatch(pattern, request.path):
                del RecordedNode.script[position]
                status, headers, payload = response
                break
        else:
            raise AssertionError(f"unexpected request {method} {target}")
        meta = ApiResponseMeta(
            status=status, http_version="1.1", duration=0.0, node=self.config,
            headers=HttpHeaders(headers),
        )
        return NodeApiResponse(meta, json.dumps(payload).encode())


@pytest.fixture
def es(settings):
    """The elasticsearch backend configured, its shared client answering from the
    recorded responses queued with ``es.expect(method, path, name, **placeholders)``."""
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = URL
    settings.SEARCH_INDEX_PREFIX = PREFIX
    client = Elasticsearch(URL, node_class=RecordedNode, request_timeout=5)
    engine._clients[("elasticsearch", URL, 5)] = client
    RecordedNode.script, RecordedNode.requests = [], []

    class Recorder:
        requests = RecordedNode.requests

        @staticmethod
        def expect(method, path, name, times=1, **replacements):
            """Answer the next ``times`` requests to ``method path`` with ``name``."""
            replacements = {"alias": ALIAS, "index": INDEX, "total": "2", **replacements}
            for _ in range(times):
                RecordedNode.script.append((method, path, recorded(name, **replacements)))

    yield Recorder
    engine._clients.pop(("elasticsearch", URL, 5), None)
    assert RecordedNode.script == [], "a queued response was never asked for"
