"""The Elasticsearch 8 client layer of the shared engine backend (search/backends/engine.py).

Only what the elasticsearch-py 8 client does differently lives here: keyword arguments
instead of request bodies, ``client.options(ignore_status=…)`` instead of ``ignore=``,
its exception classes. Mapping, queries and alias switching are the engine's.
"""

import elastic_transport
from elasticsearch import ApiError, BadRequestError, Elasticsearch, dsl
from elasticsearch.helpers import bulk

from search.backends.engine import OVERLOADED, EngineBackend


class ElasticsearchBackend(EngineBackend):
    name = "elasticsearch"
    dsl = dsl
    url_setting = "ELASTICSEARCH_URL"
    bulk_helper = bulk

    def make_client(self, url, timeout):
        return Elasticsearch(url, request_timeout=timeout)

    def is_unavailable(self, error):
        """Unreachable, failing (5xx) or overloaded (429: its queues are full; the client
        has already retried): the engine is left alone for a while (search.outage)."""
        if isinstance(error, ConnectionError | elastic_transport.TransportError):
            return True
        return isinstance(error, ApiError) and (error.meta.status >= 500
                                                or error.meta.status == OVERLOADED)

    def send_create(self, name, body):
        self.client.indices.create(index=name, **body)

    def already_exists(self, error):
        return isinstance(error, BadRequestError) and \
            _error_type(error.body) == "resource_already_exists_exception"

    def send_bulk(self, operations, refresh):
        return self.client.bulk(operations=operations, refresh=refresh)["items"]

    def alias_indices(self, alias):
        response = self.client.options(ignore_status=404).indices.get_alias(name=alias)
        if response.meta.status == 404:
            return []
        return sorted(response.body)

    def update_aliases(self, actions):
        self.client.indices.update_aliases(actions=actions)

    def delete_index(self, name):
        self.client.options(ignore_status=404).indices.delete(index=name)


def _error_type(body):
    error = body.get("error") if isinstance(body, dict) else None
    return error.get("type") if isinstance(error, dict) else None
