"""The OpenSearch 2 client layer of the shared engine backend (search/backends/engine.py).

Only what opensearch-py does differently lives here: request bodies, ``ignore=404``, its
exception classes. Mapping, queries and alias switching are the engine's.
"""

import opensearchpy as dsl
from opensearchpy import ConnectionError as EngineConnectionError
from opensearchpy import OpenSearch, RequestError, TransportError, helpers

from search.backends.engine import OVERLOADED, EngineBackend


class OpenSearchBackend(EngineBackend):
    name = "opensearch"
    dsl = dsl
    url_setting = "OPENSEARCH_URL"
    bulk_helper = helpers.bulk

    def make_client(self, url, timeout):
        return OpenSearch(url, timeout=timeout)

    def is_unavailable(self, error):
        if isinstance(error, ConnectionError | EngineConnectionError):
            return True
        return isinstance(error, TransportError) and isinstance(error.status_code, int) \
            and (error.status_code >= 500 or error.status_code == OVERLOADED)

    def send_create(self, name, body):
        self.client.indices.create(index=name, body=body)

    def already_exists(self, error):
        return isinstance(error, RequestError) and \
            error.error == "resource_already_exists_exception"

    def send_bulk(self, operations, refresh):
        return self.client.bulk(body=operations, refresh=refresh)["items"]

    def alias_indices(self, alias):
        response = self.client.indices.get_alias(name=alias, ignore=404)
        if response.get("status") == 404:
            return []
        return sorted(response)

    def update_aliases(self, actions):
        self.client.indices.update_aliases(body={"actions": actions})

    def delete_index(self, name):
        self.client.indices.delete(index=name, ignore=404)
