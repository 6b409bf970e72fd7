"""Real services for the tests: a throw-away PostgreSQL cluster, Redis and a real CKAN.

Each service runs on a free loopback port from a temporary directory that is removed on
stop. A missing program is an error that names the Debian package to install: the tests
that need a service never skip.
"""
