"""The search index's generation: a number renewed by every update of an index that
answers searches (a document stored, removed or withdrawn, a rebuild, an engine's
catch-up), so that cached search answers (search/caching.py and the anonymous page cache
of /zoeken/) are never older than the index they came from."""

from portal.cache import SEARCH_INDEX_GENERATION_KEY, bump_generation, current_generation


def bump_index_generation():
    bump_generation(SEARCH_INDEX_GENERATION_KEY)


def index_generation():
    return current_generation(SEARCH_INDEX_GENERATION_KEY)
