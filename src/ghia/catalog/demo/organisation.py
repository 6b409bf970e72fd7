"""The two demo municipalities, the services of their mayors' offices and the demo logins."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_PASSWORD = "ghia-demo"


@dataclass(frozen=True)
class ServiceSpec:
    code: str
    ka: str
    en: str


@dataclass(frozen=True)
class MunicipalitySpec:
    slug: str
    ka: str
    en: str
    website: str
    base_uri: str
    email: str
    spatial: tuple[str, str]  # the area its data covers, Georgian and English
    services: tuple[ServiceSpec, ...]


@dataclass(frozen=True)
class LoginSpec:
    username: str
    role: str  # a catalog.models.Role value
    municipality: str | None
    first_name: str
    last_name: str
    services: tuple[str, ...] = ()  # service codes an editor edits


KUTAISI = MunicipalitySpec(
    slug="kutaisi",
    ka="ქუთაისის მუნიციპალიტეტის მერია",
    en="Kutaisi City Hall",
    website="https://kutaisi.gov.ge",
    base_uri="https://data.kutaisi.gov.ge",
    email="opendata@kutaisi.gov.ge",
    spatial=("ქალაქი ქუთაისი", "City of Kutaisi"),
    services=(
        ServiceSpec("economy-property-transport",
                    "ეკონომიკური განვითარების, ადგილობრივი თვითმმართველობის ქონებისა და ტრანსპორტის მართვის სამსახური",
                    "Economic Development, Municipal Property and Transport Management Service"),
        ServiceSpec("finance-procurement", "საფინანსო პოლიტიკისა და სახელმწიფო შესყიდვების სამსახური",
                    "Financial Policy and Public Procurement Service"),
        ServiceSpec("spatial-planning-permits",
                    "სივრცის დაგეგმარების, ძეგლთა დაცვისა და სამშენებლო ნებართვების სამსახური",
                    "Spatial Planning, Monument Protection and Construction Permits Service"),
        ServiceSpec("infrastructure", "ინფრასტრუქტურის სამსახური", "Infrastructure Service"),
        ServiceSpec("public-relations", "საზოგადოებასთან ურთიერთობის სამსახური", "Public Relations Service"),
        ServiceSpec("culture-sport-education-youth",
                    "კულტურის, სპორტის, განათლების, ძეგლთა დაცვისა და ახალგაზრდობის საქმეთა სამსახური",
                    "Culture, Sport, Education, Monument Protection and Youth Affairs Service"),
        # Not in the list of georgia.md: the social programmes need a service to belong to.
        ServiceSpec("health-social", "ჯანმრთელობის დაცვისა და სოციალური მომსახურების სამსახური",
                    "Health Care and Social Services Service"),
    ),
)  # fmt: skip

AKHALTSIKHE = MunicipalitySpec(
    slug="akhaltsikhe",
    ka="ახალციხის მუნიციპალიტეტის მერია",
    en="Akhaltsikhe City Hall",
    website="https://akhaltsikhe.gov.ge",
    base_uri="https://data.akhaltsikhe.gov.ge",
    email="opendata@akhaltsikhe.gov.ge",
    spatial=("ახალციხის მუნიციპალიტეტი", "Akhaltsikhe municipality"),
    services=(
        ServiceSpec("administrative", "ადმინისტრაციული სამსახური", "Administrative Service"),
        ServiceSpec("finance", "ფინანსური სამსახური", "Finance Service"),
        ServiceSpec("economy", "ეკონომიკური განვითარების სამსახური", "Economic Development Service"),
        ServiceSpec("infrastructure", "ინფრასტრუქტურის სამსახური", "Infrastructure Service"),
        ServiceSpec("health-social", "ჯანმრთელობისა და სოციალური დაცვის სამსახური", "Health and Social Protection Service"),
        ServiceSpec("culture", "კულტურის, განათლების, სპორტისა და ახალგაზრდობის საქმეთა სამსახური",
                    "Culture, Education, Sport and Youth Affairs Service"),
        ServiceSpec("supervision", "ზედამხედველობის სამსახური", "Supervision Service"),
        ServiceSpec("internal-audit", "შიდა აუდიტის სამსახური", "Internal Audit Service"),
    ),
)  # fmt: skip

MUNICIPALITIES = (KUTAISI, AKHALTSIKHE)

LOGINS = (
    LoginSpec("admin", "administrator", None, "ღია", "ადმინისტრატორი"),
    LoginSpec("kutaisi-coordinator", "coordinator", "kutaisi", "ნინო", "ლომიძე"),
    LoginSpec(
        "kutaisi-editor-finance", "editor", "kutaisi", "გიორგი", "ჩხეიძე", ("finance-procurement",)
    ),
    LoginSpec(
        "kutaisi-editor-transport",
        "editor",
        "kutaisi",
        "დავით",
        "კვარაცხელია",
        ("economy-property-transport",),
    ),
    LoginSpec("kutaisi-viewer", "viewer", "kutaisi", "თამარ", "ჯაფარიძე"),
    LoginSpec("akhaltsikhe-coordinator", "coordinator", "akhaltsikhe", "მარიამ", "ბერიძე"),
    LoginSpec(
        "akhaltsikhe-editor-finance", "editor", "akhaltsikhe", "ლევან", "მაისურაძე", ("finance",)
    ),
    LoginSpec(
        "akhaltsikhe-editor-infrastructure",
        "editor",
        "akhaltsikhe",
        "ზურაბ",
        "გელაშვილი",
        ("infrastructure",),
    ),
    LoginSpec("akhaltsikhe-viewer", "viewer", "akhaltsikhe", "ანა", "წიკლაური"),
)
