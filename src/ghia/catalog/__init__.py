"""The catalogue: municipalities, services, people and roles, datasets, versions, workflow, audit."""
