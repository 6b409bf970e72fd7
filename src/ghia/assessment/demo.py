"""Demo assessments of Kutaisi and Akhaltsikhe, loaded by ``ghia demo`` after the catalogue
demo. They differ as the two offices do: Kutaisi has visible leadership, publishes much of
its inventory and mainly lacks time and funding; Akhaltsikhe starts from paper records,
legacy fonts and no licence decision. Their reports and recommendations differ accordingly.
Everything goes through the assessment's service functions, as real work would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class Survey:
    """A service's answers about one dataset, found by the start of its English title."""

    title: str
    kind: str
    value: int
    demand: int
    effort: int
    years: int | None = None


@dataclass(frozen=True)
class Session:
    kind: str
    title: tuple[str, str]
    days_ago: int
    place: str
    group: str
    participants: tuple[tuple[str, int, int, int], ...]  # group, women, men, other
    findings: tuple[tuple[str, str, str, str], ...]  # dimension, direction, Georgian, English


@dataclass(frozen=True)
class Plan:
    readiness: dict
    maturity: dict
    evidence: tuple[str, ...]
    own_evidence: tuple[tuple[str, str, str, str], ...]  # dimension, direction, ka, en
    overrides: tuple[tuple[str, str, str, str], ...]  # dimension, rating, reason ka, reason en
    surveys: tuple[Survey, ...]
    submitted: tuple[str, ...]  # service codes
    sessions: tuple[Session, ...]
    conclusions: tuple[str, str]


def _answers(**dimensions: tuple[int, ...]) -> dict:
    from ghia.assessment.instrument import load

    instrument = load()
    return {
        q.code: value
        for code, values in dimensions.items()
        for q, value in zip(instrument.dimension(code).questions, values, strict=True)
    }


def _levels(*values: int) -> dict:
    from ghia.assessment.instrument import load

    return dict(zip(load().maturity_questions, values, strict=True))


_GUIDE_STAFF = (
    "რომელ მონაცემებს აგროვებს თქვენი სამსახური და სად ინახება ისინი?\n"
    "ვინ წყვეტს, რა შეიძლება გამოქვეყნდეს, და როგორ?\n"
    "რა დაგეხმარებოდათ მონაცემების რეგულარულად გამოქვეყნებაში?"
)
_GUIDE_USERS = (
    "რომელ მუნიციპალურ მონაცემებს იყენებთ ან გამოიყენებდით და რისთვის?\n"
    "როგორ იღებთ ამ მონაცემებს დღეს და რა გიშლით ხელს?\n"
    "რომელი მონაცემების არარსებობა გიჭირთ ყველაზე მეტად?"
)

KUTAISI = Plan(
    readiness=_answers(
        leadership=(3, 2, 3, 2),
        policy=(2, 2, 2, 3, 2),
        institutions=(2, 2, 1, 2),
        data_management=(3, 3, 2, 3, 2),
        demand=(2, 2, 1, 2),
        civic=(2, 3, 1, 1),
        funding=(2, 3, 1),
        infrastructure=(3, 3, 2, 2),
    ),  # fmt: skip
    maturity=_levels(3, 3, 2, 2, 2, 2, 2, 3, 2, 1, 3, 3, 2),
    evidence=(
        "leadership.mayor_statement",
        "leadership.order_signed",
        "policy.foi_reports",
        "policy.terms_stated",
        "policy.pdp_unclear",
        "institutions.coordinator_named",
        "institutions.it_unit",
        "institutions.no_time",
        "data_management.registers_listed",
        "data_management.spreadsheets",
        "demand.repeated_requests",
        "civic.ngo_monitoring",
        "funding.donor",
        "funding.project_only",
        "infrastructure.cms",
        "infrastructure.portal_account",
    ),  # fmt: skip
    own_evidence=(
        (
            "institutions",
            "+",
            "მერიის IT განყოფილება მართავს საქმისწარმოების სისტემას და ექსპორტს თავად ამზადებს.",
            "The city hall's IT unit runs the document management system and prepares exports itself.",
        ),
    ),
    overrides=(
        (
            "civic",
            "GREEN",
            "სამოქალაქო საზოგადოების ფოკუს ჯგუფმა აჩვენა, რომ ორი ადგილობრივი ორგანიზაცია რეგულარულად აკვირდება ქალაქის ბიუჯეტს და უნივერსიტეტი ახორციელებს მონაცემთა ჟურნალისტიკის პროექტებს; დაბალი პასუხები მხოლოდ პირველ ინტერვიუს ასახავდა.",
            "The civil-society focus group showed two local organisations monitoring the city budget regularly and the university running data-journalism projects; the low answers reflected only the first interview.",
        ),
    ),  # fmt: skip
    surveys=(
        Survey("Kutaisi municipality budget", "budget", 3, 3, 1, 8),
        Survey("Quarterly budget execution", "budget", 3, 3, 1, 5),
        Survey("Public procurement contracts", "procurement", 3, 3, 1, 6),
        Survey("Kindergartens", "education", 3, 3, 1, 4),
        Survey("Public transport routes", "transport", 3, 3, 1, 4),
        Survey("Construction permits", "permits", 3, 2, 2, 10),
        Survey("City council decisions", "registers", 2, 2, 1, 12),
        Survey("Free public Wi-Fi", "facilities", 2, 1, 1),
        Survey("Paid parking zones", "transport", 2, 2, 1, 3),
        Survey("Sports facilities", "facilities", 2, 1, 1),
        Survey("Statistics of citizens' requests", "service_performance", 2, 2, 1, 5),
        Survey("Street repairs", "spending", 3, 2, 2, 3),
        Survey("Calendar of cultural events", "other", 2, 1, 1),
        Survey("Municipal property register", "property", 3, 3, 2, 15),
        Survey("Recipients of social assistance", "statistics", 2, 3, 3, 6),
        Survey("Street lighting", "facilities", 2, 1, 2),
        Survey("Orthophoto", "geospatial", 3, 2, 3),
        Survey("Waste collection schedule", "environment", 3, 3, 2, 2),
        Survey("Green public spaces", "environment", 2, 2, 3),
        Survey("Education and youth programmes", "education", 2, 1, 2),
        Survey("Tourist visits", "statistics", 2, 2, 3),
        Survey("Social programmes", "statistics", 3, 3, 1, 5),
    ),
    submitted=(
        "finance-procurement",
        "economy-property-transport",
        "spatial-planning-permits",
        "infrastructure",
        "public-relations",
        "health-social",
    ),  # fmt: skip
    sessions=(
        Session(
            "focus_group",
            ("მერიის თანამშრომლები", "City hall staff"),
            20,
            "ქუთაისის მერია, სხდომათა დარბაზი",
            "staff",
            (("staff", 7, 4, 0),),
            (
                (
                    "data_management",
                    "+",
                    "სამსახურების უმეტესობა ჩანაწერებს Excel-ში აწარმოებს და ექსპორტი შეუძლია.",
                    "Most services keep their records in Excel and can export them.",
                ),
                (
                    "institutions",
                    "-",
                    "გამოქვეყნებისთვის დრო გამოყოფილი არ არის; ამას სამუშაო საათების შემდეგ აკეთებენ.",
                    "No time is set aside for publication; it is done after hours.",
                ),
                (
                    "policy",
                    "-",
                    "თანამშრომლებმა არ იციან, შეიძლება თუ არა კონტრაქტორებისა და ნებართვის მფლობელების სახელების გამოქვეყნება.",
                    "Staff do not know whether names of contractors and permit holders may be published.",
                ),
                (
                    "infrastructure",
                    "+",
                    "თანამშრომლები საიტის მართვის სისტემას იცნობენ და თავად ანახლებენ.",
                    "Staff know the website's content system and update it themselves.",
                ),
            ),
        ),
        Session(
            "focus_group",
            ("სამოქალაქო საზოგადოება და ჟურნალისტები", "Civil society and journalists"),
            18,
            "ქუთაისის საჯარო ბიბლიოთეკა",
            "civil_society",
            (("civil_society", 4, 2, 0), ("media", 2, 1, 0), ("academia", 0, 1, 0)),
            (
                (
                    "demand",
                    "+",
                    "ჟურნალისტები ყოველ კვარტალში ითხოვენ ბიუჯეტის შესრულებისა და შესყიდვების მონაცემებს.",
                    "Journalists ask every quarter for budget execution and procurement data.",
                ),
                (
                    "demand",
                    "-",
                    "მომხმარებლებმა არ იციან, სად მოითხოვონ მონაცემები, რომლებიც ინტერნეტში არ არის.",
                    "Users do not know where to ask for data that is not online.",
                ),
                (
                    "civic",
                    "+",
                    "ორი ადგილობრივი ორგანიზაცია ქალაქის ბიუჯეტს აკვირდება და მონაცემებს ხელახლა გამოიყენებდა.",
                    "Two local organisations monitor the city budget and would reuse the data.",
                ),
                (
                    "data_management",
                    "-",
                    "საკრებულოს გადაწყვეტილებები მხოლოდ PDF-ადაა, რომელშიც ძიება შეუძლებელია.",
                    "Council decisions exist only as PDF, which cannot be searched.",
                ),
            ),
        ),
    ),  # fmt: skip
    conclusions=(
        "ქუთაისს აქვს ხილული პოლიტიკური მხარდაჭერა და ციფრული მონაცემების კარგი საფუძველი. მთავარი ამოცანაა გამოქვეყნების რეგულარულ საქმიანობად ქცევა: სამსახურებში პასუხისმგებელი პირები და დრო, ბიუჯეტი და მონაცემთა ლექსიკონები.",
        "Kutaisi has visible political support and a good base of digital data. The main task is to make publication a regular activity: responsible people and time in the services, a budget line and data dictionaries.",
    ),
)

AKHALTSIKHE = Plan(
    readiness=_answers(
        leadership=(1, 0, 2, 1),
        policy=(1, 1, 0, 2, 1),
        institutions=(1, 0, 1, 1),
        data_management=(1, 1, 0, 1, 1),
        demand=(2, 2, 1, 2),
        civic=(2, 2, 1, 0),
        funding=(0, 2, 0),
        infrastructure=(2, 2, 1, 1),
    ),  # fmt: skip
    maturity=_levels(1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1),
    evidence=(
        "leadership.it_only",
        "policy.pdp_unclear",
        "policy.paper_or_fee",
        "institutions.turnover",
        "data_management.paper",
        "data_management.legacy_fonts",
        "demand.repeated_requests",
        "demand.no_record",
        "civic.ngo_monitoring",
        "civic.low_participation",
        "funding.donor",
        "funding.none",
        "infrastructure.low_skills",
        "infrastructure.rural_access",
    ),  # fmt: skip
    own_evidence=(
        (
            "data_management",
            "-",
            "მერიის საიტზე გადაწყვეტილებები მხოლოდ სკანირებული PDF-ის სახით ქვეყნდება.",
            "The city hall website publishes decisions only as scanned PDF.",
        ),
    ),
    overrides=(),
    surveys=(
        Survey("Akhaltsikhe municipality budget", "budget", 3, 3, 2, 7),
        Survey("Public procurement contracts", "procurement", 3, 2, 1, 4),
        Survey("Kindergartens", "education", 3, 2, 1, 3),
        Survey("Municipal council decisions", "registers", 2, 2, 2, 6),
        Survey("Street lighting", "facilities", 2, 1, 1),
        Survey("Cultural events", "other", 1, 1, 2),
        Survey("Construction permits", "permits", 3, 2, 2, 5),
        Survey("Sports facilities", "facilities", 2, 1, 2),
        Survey("Minibus routes", "transport", 3, 3, 2, 2),
        Survey("Recipients of social assistance", "statistics", 2, 2, 3, 4),
        Survey("Budget execution, 2023", "budget", 3, 3, 2, 1),
        Survey("Tourist sights", "facilities", 3, 2, 2),
        Survey("Waste collection schedule", "environment", 3, 3, 3),
        Survey("Fines imposed by the supervision service", "inspections", 2, 2, 3, 3),
        Survey("Statistics of citizens' requests", "service_performance", 2, 2, 3, 3),
    ),
    submitted=("finance", "infrastructure", "culture"),
    sessions=(
        Session(
            "focus_group",
            ("მერიის თანამშრომლები", "City hall staff"),
            25,
            "ახალციხის მერია",
            "staff",
            (("staff", 5, 3, 0),),
            (
                (
                    "data_management",
                    "-",
                    "ბიუჯეტის ცხრილები AcadNusx-ით არის აკრეფილი და სხვა კომპიუტერზე ლათინური ასოებით ჩანს.",
                    "Budget tables are typed in AcadNusx and show as Latin letters on other computers.",
                ),
                (
                    "data_management",
                    "-",
                    "ზედამხედველობის სამსახური ჯარიმებს ქაღალდის ჟურნალში აღრიცხავს.",
                    "The supervision service records fines in a paper journal.",
                ),
                (
                    "leadership",
                    "-",
                    "სამსახურებისთვის არავის უთქვამს, რომ მონაცემების გამოქვეყნება მათი მოვალეობაა.",
                    "Nobody has told the services that publishing data is part of their job.",
                ),
                (
                    "infrastructure",
                    "-",
                    "რამდენიმე თანამშრომელს ცხრილებთან მუშაობა უჭირს.",
                    "Several staff find spreadsheets hard to work with.",
                ),
            ),
        ),
        Session(
            "focus_group",
            ("სამოქალაქო საზოგადოება და ჟურნალისტები", "Civil society and journalists"),
            22,
            "ახალციხის კულტურის ცენტრი",
            "civil_society",
            (("civil_society", 3, 2, 0), ("media", 1, 1, 0), ("citizens", 2, 1, 1)),
            (
                (
                    "demand",
                    "+",
                    "ადგილობრივი მედია რეგულარულად ითხოვს ტურიზმისა და სამარშრუტო ტაქსების მონაცემებს.",
                    "Local media regularly ask for data on tourism and minibus routes.",
                ),
                (
                    "civic",
                    "-",
                    "საჯარო განხილვებზე ცოტა ადამიანი მოდის; ინფორმაცია სოფლებამდე გვიან აღწევს.",
                    "Few people come to public hearings; information reaches the villages late.",
                ),
                (
                    "demand",
                    "+",
                    "მცხოვრებლებს სურთ ნარჩენების გატანის განრიგი საკუთარი ქუჩისთვის.",
                    "Residents want the waste collection schedule for their street.",
                ),
                (
                    "funding",
                    "-",
                    "ორგანიზაციები ეჭვობენ, რომ დონორის პროექტის შემდეგ მერია პროგრამას გააგრძელებს.",
                    "Organisations doubt the city hall will continue the programme after the donor project.",
                ),
            ),
        ),
    ),  # fmt: skip
    conclusions=(
        "ახალციხე იწყებს თითქმის ნულიდან: ლიცენზიის გადაწყვეტილება, კოორდინატორი და ბიუჯეტი ჯერ არ არსებობს, ბევრი ჩანაწერი ქაღალდზე ან ძველ შრიფტებშია. მოთხოვნა კი არსებობს, ამიტომ პირველი ნაბიჯია მერის ბრძანება, ლიცენზია და რამდენიმე მოთხოვნადი ნაკრების სწრაფი გამოქვეყნება.",
        "Akhaltsikhe starts almost from scratch: there is no licence decision, coordinator or budget yet, and many records are on paper or in legacy fonts. Demand does exist, so the first steps are a mayor's order, a licence and quick publication of a few datasets people ask for.",
    ),
)

PLANS = {"kutaisi": KUTAISI, "akhaltsikhe": AKHALTSIKHE}


def _coordinator(municipality):
    from ghia.catalog.models import Membership, Role

    membership = (
        Membership.objects.filter(municipality=municipality, role=Role.COORDINATOR)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise LookupError(f"the demo municipality {municipality.slug} has no coordinator")
    return membership.user


def _load(municipality, plan: Plan):
    from ghia.assessment import services
    from ghia.catalog.models import Dataset, Status

    user = _coordinator(municipality)
    today = timezone.localdate()
    assessment = services.start_assessment(user, municipality)
    assessment.started = today - dt.timedelta(days=30)
    assessment.conclusions = {"ka": plan.conclusions[0], "en": plan.conclusions[1]}
    assessment.save(update_fields=["started", "conclusions"])
    services.record_answers(
        user, assessment, {code: (value, "") for code, value in plan.readiness.items()}
    )
    services.record_answers(
        user, assessment, {code: (value, "") for code, value in plan.maturity.items()}
    )
    instrument = assessment.instrument
    for dimension in instrument.dimensions:
        own = {e.code for e in dimension.evidence}
        services.tick_evidence(user, assessment, dimension.code, own & set(plan.evidence))
    for dimension, direction, ka, en in plan.own_evidence:
        services.add_evidence(
            user, assessment, dimension=dimension, direction=direction, text={"ka": ka, "en": en}
        )
    for dimension, rating, ka, en in plan.overrides:
        services.override_rating(user, assessment, dimension, rating, {"ka": ka, "en": en})
    surveys = {s.service.code: s for s in assessment.surveys.select_related("service")}
    datasets = (
        Dataset.objects.filter(municipality=municipality)
        .exclude(status=Status.WITHDRAWN)
        .select_related("service")
    )
    for spec in plan.surveys:
        dataset = next(d for d in datasets if d.title.get("en", "").startswith(spec.title))
        services.save_inventory_entry(
            user, surveys[dataset.service.code], dataset, kind=spec.kind, value=spec.value, demand=spec.demand,
            effort=spec.effort, years_of_history=spec.years, owner=str(dataset.service.name.get("ka", "")),
        )  # fmt: skip
    for code in plan.submitted:
        services.submit_survey(user, surveys[code])
    for spec in plan.sessions:
        services.save_session(
            user, assessment, kind=spec.kind, title={"ka": spec.title[0], "en": spec.title[1]},
            held_on=today - dt.timedelta(days=spec.days_ago), place=spec.place, stakeholder_group=spec.group,
            questions=_GUIDE_STAFF if spec.group == "staff" else _GUIDE_USERS,
            participants=list(spec.participants),
            findings=[(dimension, direction, {"ka": ka, "en": en}) for dimension, direction, ka, en in spec.findings],
        )  # fmt: skip
    return assessment


def load_demo(stdout=None) -> list:
    """An assessment for each demo municipality that has none yet (none in a build without
    the assessment app)."""
    if not apps.is_installed("ghia.assessment"):
        return []
    from ghia.catalog.models import Municipality

    created = []
    with transaction.atomic():
        for slug, plan in PLANS.items():
            municipality = Municipality.objects.filter(slug=slug).first()
            if municipality is None or municipality.assessments.exists():
                continue
            created.append(_load(municipality, plan))
            if stdout is not None:
                stdout.write(f"Situational analysis / სიტუაციური ანალიზი: {municipality.slug}\n")
    return created
