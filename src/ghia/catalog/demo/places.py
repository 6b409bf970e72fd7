"""Names the demo files draw from: streets, villages, companies and people.

Streets and landmarks are real places of Kutaisi and Akhaltsikhe; house numbers,
coordinates away from the centre, companies and people are invented.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    key: str
    name_ka: str
    genitive: str  # "of Kutaisi": the form titles use
    lat: float
    lon: float
    phone_prefix: str  # the landline code with its trunk 0
    cadastral_zone: str
    streets: tuple[str, ...]
    districts: tuple[tuple[str, str], ...]  # Georgian, English
    landmarks: tuple[tuple[str, float, float], ...]  # name, latitude, longitude


KUTAISI = City(
    key="kutaisi",
    name_ka="ქუთაისი",
    genitive="ქუთაისის",
    lat=42.2679,
    lon=42.6946,
    phone_prefix="0431",
    cadastral_zone="03",
    streets=(
        "რუსთაველის გამზირი", "ჭავჭავაძის გამზირი", "თამარ მეფის ქუჩა", "წერეთლის ქუჩა",
        "პუშკინის ქუჩა", "ნიკეას ქუჩა", "ავტომშენებლის ქუჩა", "ჯავახიშვილის ქუჩა",
        "ზ. გამსახურდიას ქუჩა", "გელათის ქუჩა", "ასათიანის ქუჩა", "მესხიშვილის ქუჩა",
        "ირ. აბაშიძის ქუჩა", "ნინოშვილის ქუჩა", "ჯანაშიას ქუჩა", "ახალგაზრდობის გამზირი",
        "ბალახვნის ქუჩა", "სულხან-საბას ქუჩა", "დ. აღმაშენებლის გამზირი", "ლ. ასათიანის ქუჩა",
        "კ. გამსახურდიას ქუჩა", "მ. კოსტავას ქუჩა",
    ),
    districts=(
        ("ცენტრი", "Centre"), ("ავტოქარხანა", "Avtokarkhana"), ("საფიჩხია", "Sapichkhia"),
        ("ბალახვანი", "Balakhvani"), ("მწვანე ყვავილა", "Mtsvane Kvavila"), ("ნიკეა", "Nikea"),
    ),
    landmarks=(
        ("კოლხეთის შადრევანი", 42.27128, 42.70527), ("თეთრი ხიდი", 42.27230, 42.70167),
        ("ბაგრატის ტაძარი", 42.27733, 42.70444), ("მწვანე ბაზარი", 42.27310, 42.70020),
        ("ცენტრალური პარკი", 42.26990, 42.70380), ("ოპერისა და ბალეტის თეატრი", 42.27050, 42.70620),
        ("ბოტანიკური ბაღი", 42.27640, 42.70110), ("რკინიგზის სადგური", 42.25990, 42.68440),
    ),
)  # fmt: skip

AKHALTSIKHE = City(
    key="akhaltsikhe",
    name_ka="ახალციხე",
    genitive="ახალციხის",
    lat=41.6390,
    lon=42.9826,
    phone_prefix="0365",
    cadastral_zone="63",
    streets=(
        "რუსთაველის ქუჩა", "თამარ მეფის ქუჩა", "კოსტავას ქუჩა", "ხარისჭირაშვილის ქუჩა",
        "ნათაძის ქუჩა", "ჭავჭავაძის ქუჩა", "აღმაშენებლის ქუჩა", "გოგებაშვილის ქუჩა",
        "თამარაშვილის ქუჩა", "ბაგრატიონის ქუჩა", "ასპინძის ქუჩა", "ვახტანგ VI-ის ქუჩა",
    ),
    districts=(
        ("ძველი ქალაქი", "Old Town"), ("რაბათი", "Rabati"), ("ახალი ქალაქი", "New Town"),
        ("ვალე", "Vale"), ("წნისი", "Tsnisi"), ("სხვილისი", "Skhvilisi"), ("მინაძე", "Minadze"),
        ("ივლიტა", "Ivlita"), ("მუგარეთი", "Mugareti"),
    ),
    landmarks=(
        ("რაბათის ციხე", 41.64300, 42.97800), ("ცენტრალური მოედანი", 41.63900, 42.98260),
        ("ავტოსადგური", 41.63550, 42.98730), ("ახალციხის თეატრი", 41.63980, 42.98420),
        ("კულტურის ცენტრი", 41.63840, 42.98060),
    ),
)  # fmt: skip

CITIES = {city.key: city for city in (KUTAISI, AKHALTSIKHE)}

# Suppliers by trade, so a fuel company does not repair roads.
SUPPLIERS = {
    "construction": ("შპს „იმერეთის გზები“", "შპს „კოლხეთი ბილდი“", "შპს „რიონი-2010“",
                     "შპს „ახალი მშენებელი“", "შპს „სამხრეთის გზა“", "შპს „მესხეთი“"),
    "fuel": ("შპს „საწვავი პლიუსი“",),
    "food": ("შპს „საბავშვო კვება“",),
    "city services": ("შპს „ქალაქის სერვისი“", "შპს „გრინ სითი“"),
    "lighting": ("შპს „ჯეო ლაითი“", "შპს „ნათება-2015“"),
    "office": ("შპს „ოფის ექსპერტი“", "შპს „ტექნო-ჰაუსი“"),
    "events": ("შპს „ივენთ ჯორჯია“", "ი/მ „გიორგი კაპანაძე“"),
}  # fmt: skip
COMPANIES = tuple(name for names in SUPPLIERS.values() for name in names)

FIRST_NAMES = (
    "გიორგი", "ნინო", "დავით", "მარიამ", "ლევან", "თამარ", "ზურაბ", "ნათია", "ირაკლი", "ეკა",
    "ვახტანგ", "ქეთევან", "მამუკა", "ლალი", "ბესიკ", "მაია", "შოთა", "ციური", "ნიკოლოზ", "ლია",
)  # fmt: skip
SURNAMES = (
    "ბერიძე", "კაპანაძე", "ლომიძე", "ჩხეიძე", "კვარაცხელია", "ჯაფარიძე", "მაისურაძე", "გელაშვილი",
    "წიკლაური", "ნიჟარაძე", "ბაკურაძე", "ხუციშვილი", "მელაძე", "ტაბატაძე", "ჯავახიშვილი", "ჩიქოვანი",
)  # fmt: skip
