"""A real CKAN 2.12 for the tests, in its own virtualenv, with Solr replaced by the database.

python -m tests.harness.ckan install      # once; fast when already done
with CkanServer() as ckan:
    RemoteCKAN(ckan.url, apikey=ckan.api_token).action.status_show()
"""

from .server import CkanServer

__all__ = ["CkanServer"]
