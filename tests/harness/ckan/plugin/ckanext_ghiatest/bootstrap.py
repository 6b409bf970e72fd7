"""Prepare a new CKAN site in one process: tables, a sysadmin and its API token.

    python -m ckanext_ghiatest.bootstrap CONFIG NAME EMAIL PASSWORD

does what `ckan db init`, `ckan user add`, `ckan sysadmin add` and `ckan user token add`
do, through the same CKAN functions, without loading CKAN four times. Prints the token as
JSON on the last line of standard output.
"""

import json
import sys

from ckan import logic, model
from ckan.cli import load_config
from ckan.config.middleware import make_app


def bootstrap(config_path: str, name: str, email: str, password: str) -> str:
    app = make_app(load_config(config_path))
    # Dictization needs a request context, as in CKAN's own `user add` command.
    with app._wsgi_app.test_request_context():
        model.repo.init_db()
        site_user = logic.get_action("get_site_user")({"ignore_auth": True}, {})
        logic.get_action("user_create")(
            {"user": site_user["name"], "ignore_auth": True},
            {"name": name, "email": email, "password": password},
        )
        user = model.User.by_name(name)
        user.sysadmin = True
        model.repo.commit_and_remove()
        token = logic.get_action("api_token_create")(
            {"user": name, "ignore_auth": True}, {"user": name, "name": "ghia-tests"}
        )
    return token["token"]


if __name__ == "__main__":
    print(json.dumps({"api_token": bootstrap(*sys.argv[1:5])}))
