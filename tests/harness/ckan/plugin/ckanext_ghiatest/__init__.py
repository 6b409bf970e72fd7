"""CKAN plugin of Ghia's test harness: CKAN without Solr.

Runs inside the CKAN virtualenv, never inside Ghia's: it imports CKAN.
"""
