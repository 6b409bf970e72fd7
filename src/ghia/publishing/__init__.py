"""Publishing: DCAT-AP, persistent URIs, the municipal website, CKAN, the national-portal bundle, verification."""
