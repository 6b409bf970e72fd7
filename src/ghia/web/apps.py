from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ghia.web"
    label = "web"
