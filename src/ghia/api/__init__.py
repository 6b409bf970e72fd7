"""The read-only REST API under /api/ with its OpenAPI document (/api/openapi.json)."""
