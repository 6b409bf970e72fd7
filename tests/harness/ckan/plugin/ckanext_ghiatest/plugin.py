"""The `ghia_database_search` plugin: swaps CKAN's Solr search for the database.

CKAN writes every dataset to its search index and answers `package_search` from it.
No Solr can run in the tests, so this plugin replaces only those two pieces: indexing
does nothing and a search reads the datasets from the database (see `search.py`).
Everything else (actions, validation, permissions, uploads, storage) stays CKAN's own.
"""

from ckan import plugins
from ckan.lib import search

from .search import DatabasePackageQuery


class DatabaseSearchPlugin(plugins.SingletonPlugin):
    plugins.implements(plugins.IConfigurable)

    def configure(self, config):
        # ckan.lib.search picks its index and query classes from these two tables...
        search._INDICES["package"] = search.NoopSearchIndex
        search._QUERIES["package"] = DatabasePackageQuery
        # ...but group and tag dictization build their query from the class by name.
        search.PackageSearchQuery = DatabasePackageQuery
