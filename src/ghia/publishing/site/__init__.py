"""The municipal open-data website: a folder of static files any web host can serve.

``build(out, municipality)`` writes (or brings up to date) the bilingual website: home,
catalogue with search and filters in the browser (and paged lists without JavaScript), a
page per dataset with metadata, preview, chart and downloads, the DCAT-AP files,
data.json, sitemap.xml, robots.txt and redirects for the persistent URIs.
"""

from ghia.publishing.site.builder import BuildResult, build

__all__ = ["BuildResult", "build"]
