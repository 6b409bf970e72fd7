"""The demo inventories: what each mayor's office holds and how far it has come.

Kutaisi is further along (more published, digital, tidy exports); Akhaltsikhe is smaller,
keeps more on paper and in PDF, and publishes less. The assessment reports rely on that
difference, so change both sides together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PLANNED, PREPARATION, REVIEW, PUBLISHED, WITHDRAWN = (
    "planned",
    "in_preparation",
    "in_review",
    "published",
    "withdrawn",
)
HIGH, MEDIUM, LOW = 1, 2, 3


@dataclass(frozen=True)
class Entry:
    service: str  # service code
    title: tuple[str, str]  # Georgian, English
    description: tuple[str, str]
    keywords: tuple[str, str]
    theme: str  # EU data theme code
    frequency: str  # EU frequency code
    status: str
    covers: tuple[dt.date, dt.date] | None = None
    files: tuple[tuple[str, str], ...] = ()  # demo file name, note on the version
    licence: str = "CC-BY-4.0"
    access_level: str = "public"
    access_reason: tuple[str, str] = ("", "")
    exists: bool = True
    digital: bool = True
    source_system: str = ""
    current_format: str = ""
    personal_data: bool = False
    priority: int = MEDIUM
    former_title: tuple[str, str] | None = None  # created under this title, then renamed
    status_note: str = ""  # why the last status change was made


def _year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


_PERSONAL_DATA_REASON = (
    "შეიცავს პერსონალურ მონაცემებს (სახელი, გვარი, პირადი ნომერი, ტელეფონი). „პერსონალურ მონაცემთა "
    "დაცვის შესახებ“ საქართველოს კანონის (2023) თანახმად მათი გამოქვეყნება სამართლებრივი საფუძვლის "
    "გარეშე დაუშვებელია; გამოქვეყნდება მხოლოდ აგრეგირებული სტატისტიკა.",
    "Holds personal data (names, personal numbers, phone numbers). Under the Law of Georgia on "
    "Personal Data Protection (2023) they may not be published without a legal basis; only "
    "aggregate statistics will be published.",
)

KUTAISI = (
    Entry(
        "finance-procurement",
        ("ქუთაისის მუნიციპალიტეტის 2022 წლის ბიუჯეტი და მისი შესრულება", "Kutaisi municipality budget 2022 and its execution"),
        ("2022 წლის ბიუჯეტის ხარჯები პროგრამებისა და ქვეპროგრამების მიხედვით: დამტკიცებული და დაზუსტებული "
         "გეგმა და ფაქტიური შესრულება. დამტკიცებული ბიუჯეტი 89 876 000 ლარია.",
         "Expenditure of the 2022 budget by programme and sub-programme: approved and revised plan and "
         "actual execution. The approved budget is 89,876,000 GEL."),
        ("ბიუჯეტი, ხარჯები, პროგრამები, შესრულება", "budget, expenditure, programmes, execution"),
        "ECON", "ANNUAL", PUBLISHED, _year(2022),
        files=(("kutaisi-budget-2022.xlsx", "31.12.2022 მდგომარეობით"),),
        source_system="eBudget, Excel", current_format="XLSX", priority=HIGH,
    ),
    Entry(
        "finance-procurement",
        ("ბიუჯეტის კვარტალური შესრულება, 2023", "Quarterly budget execution, 2023"),
        ("2023 წლის ბიუჯეტის შესრულება ქვეპროგრამების მიხედვით, ყოველი კვარტლის ბოლოს.",
         "Execution of the 2023 budget by sub-programme at the end of each quarter."),
        ("ბიუჯეტი, შესრულება, კვარტალი", "budget, execution, quarter"),
        "ECON", "QUARTERLY", PUBLISHED, _year(2023),
        files=(("kutaisi-budget-execution-2023-q3.csv", "III კვარტალი"), ("kutaisi-budget-execution-2023-q4.csv", "IV კვარტალი")),
        source_system="eBudget", current_format="CSV", priority=HIGH,
        former_title=("ბიუჯეტის შესრულების ანგარიში", "Budget execution report"),
    ),
    Entry(
        "finance-procurement",
        ("სახელმწიფო შესყიდვები, 2023", "Public procurement contracts, 2023"),
        ("მერიის მიერ 2023 წელს დადებული ხელშეკრულებები: ტენდერის ნომერი, CPV კოდი, მიმწოდებელი და მისი "
         "საიდენტიფიკაციო კოდი, თანხა, თარიღი და სტატუსი.",
         "Contracts the city hall signed in 2023: tender number, CPV code, supplier and its identification "
         "code, amount, date and state."),
        ("შესყიდვები, ტენდერები, ხელშეკრულებები", "procurement, tenders, contracts"),
        "ECON", "QUARTERLY", PUBLISHED, _year(2023),
        files=(("kutaisi-procurement-2023.csv", ""),),
        source_system="tenders.procurement.gov.ge, Excel", current_format="CSV", priority=HIGH,
    ),
    Entry(
        "culture-sport-education-youth",
        ("ბაგა-ბაღები და აღსაზრდელთა რაოდენობა", "Kindergartens and enrolled children"),
        ("ქალაქ ქუთაისის ბაგა-ბაღების გაერთიანების 37 ბაგა-ბაღი: მისამართი, ტელეფონი, ჯგუფები, ადგილები და "
         "აღსაზრდელთა რაოდენობა (დაახლოებით 9 000 ბავშვი).",
         "The 37 kindergartens of the Kutaisi kindergartens union: address, phone, groups, places and "
         "enrolled children (about 9,000)."),
        ("ბაგა-ბაღები, სკოლამდელი განათლება, ბავშვები", "kindergartens, preschool education, children"),
        "EDUC", "ANNUAL", PUBLISHED, (dt.date(2023, 9, 1), dt.date(2024, 6, 30)),
        files=(("kutaisi-kindergartens-2023.xlsx", "2023-2024 სასწავლო წელი"),),
        source_system="ბაგა-ბაღების გაერთიანების რეესტრი (Excel)", current_format="XLSX", priority=HIGH,
    ),
    Entry(
        "economy-property-transport",
        ("საზოგადოებრივი ტრანსპორტის მარშრუტები და გაჩერებები", "Public transport routes and stops"),
        ("ქალაქის 14 ავტობუსის მარშრუტი (60 ავტობუსი), გაჩერებები კოორდინატებით, ინტერვალები და პირველი და "
         "ბოლო რეისის დრო.",
         "The city's 14 bus routes (60 buses), their stops with coordinates, intervals and first and last "
         "departures."),
        ("ტრანსპორტი, ავტობუსი, მარშრუტი, გაჩერება", "transport, bus, route, stop"),
        "TRAN", "ANNUAL", PUBLISHED, (dt.date(2023, 9, 1), dt.date(2024, 8, 31)),
        files=(("kutaisi-bus-routes.json", ""), ("kutaisi-bus-stops.csv", "")),
        licence="ODbL-1.0", source_system="ავტობუსების GPS მონიტორინგის სისტემა", current_format="JSON, CSV", priority=HIGH,
    ),
    Entry(
        "spatial-planning-permits",
        ("მშენებლობის ნებართვები, 2023", "Construction permits, 2023"),
        ("2023 წელს გაცემული მშენებლობის ნებართვები: ნომერი, თარიღი, კლასი, დანიშნულება, მისამართი, "
         "საკადასტრო კოდი და ფართი. ფიზიკური პირების სახელები არ ქვეყნდება.",
         "Construction permits issued in 2023: number, date, class, purpose, address, cadastral code and "
         "floor area. Names of private persons are not published."),
        ("მშენებლობა, ნებართვა, კადასტრი", "construction, permit, cadastre"),
        "REGI", "MONTHLY", PUBLISHED, _year(2023),
        files=(("kutaisi-construction-permits-2023.xlsx", ""),),
        source_system="ნებართვების ელექტრონული სისტემა (Excel ექსპორტი)", current_format="XLSX", priority=HIGH,
    ),
    Entry(
        "public-relations",
        ("საკრებულოს გადაწყვეტილებები, 2023", "City council decisions, 2023"),
        ("ქუთაისის მუნიციპალიტეტის საკრებულოს 2023 წლის გადაწყვეტილებების სია: ნომერი, თარიღი და დასახელება.",
         "List of the 2023 decisions of the Kutaisi municipal council: number, date and title."),
        ("საკრებულო, გადაწყვეტილებები, სამართლებრივი აქტები", "council, decisions, legal acts"),
        "GOVE", "MONTHLY", PUBLISHED, _year(2023),
        files=(("kutaisi-council-decisions-2023.pdf", ""),),
        source_system="eDocument", current_format="PDF",
    ),
    Entry(
        "economy-property-transport",
        ("საჯარო უფასო Wi-Fi წერტილები", "Free public Wi-Fi points"),
        ("ქალაქში განთავსებული უფასო ინტერნეტის წერტილები: ადგილი, კოორდინატები, წვდომის წერტილების რაოდენობა "
         "და მდგომარეობა.",
         "Free internet points in the city: place, coordinates, number of access points and state."),
        ("Wi-Fi, ინტერნეტი, ქალაქი", "Wi-Fi, internet, city"),
        "TECH", "IRREG", PUBLISHED,
        files=(("kutaisi-public-wifi.geojson", ""),),
        licence="CC0-1.0", source_system="ArcGIS", current_format="GeoJSON", priority=LOW,
    ),
    Entry(
        "economy-property-transport",
        ("ფასიანი პარკირების ზონები", "Paid parking zones"),
        ("ფასიანი პარკირების ზონები ქუჩების მიხედვით: ადგილების რაოდენობა, ტარიფი და მოქმედების საათები.",
         "Paid parking zones by street: number of places, tariff and hours."),
        ("პარკირება, ტრანსპორტი, ტარიფი", "parking, transport, tariff"),
        "TRAN", "ANNUAL", PUBLISHED, _year(2023),
        files=(("kutaisi-paid-parking-zones.csv", ""),),
        source_system="Excel", current_format="CSV",
    ),
    Entry(
        "culture-sport-education-youth",
        ("სპორტული ობიექტები", "Sports facilities"),
        ("მუნიციპალიტეტის სპორტული ობიექტები: სახეობა, მისამართი, კოორდინატები და ტევადობა.",
         "The municipality's sports facilities: kind, address, coordinates and capacity."),
        ("სპორტი, სტადიონი, დარბაზი", "sport, stadium, gym"),
        "EDUC", "ANNUAL", PUBLISHED,
        files=(("kutaisi-sports-facilities.csv", ""),),
        source_system="Excel", current_format="CSV", priority=LOW,
    ),
    Entry(
        "public-relations",
        ("მოქალაქეთა მიმართვების სტატისტიკა, 2023", "Statistics of citizens' requests, 2023"),
        ("მერიაში შემოსული განცხადებები თვეებისა და თემების მიხედვით: შემოსული, ვადაში პასუხგაცემული, "
         "ვადაგადაცილებული და ელექტრონულად შემოსული.",
         "Requests received by the city hall by month and topic: received, answered on time, overdue and "
         "received electronically."),
        ("მიმართვები, განცხადებები, საჯარო ინფორმაცია", "requests, applications, public information"),
        "GOVE", "MONTHLY", PUBLISHED, _year(2023),
        files=(("kutaisi-citizen-requests-2023.csv", ""),),
        source_system="eDocument", current_format="CSV",
    ),
    Entry(
        "infrastructure",
        ("ქუჩების შეკეთება, 2023", "Street repairs, 2023"),
        ("2023 წელს შეკეთებული ქუჩები: სამუშაოს სახე, სიგრძე, ფართობი, კონტრაქტორი, ღირებულება და ვადები.",
         "Streets repaired in 2023: kind of work, length, area, contractor, cost and dates."),
        ("გზები, ქუჩები, რეაბილიტაცია, ინფრასტრუქტურა", "roads, streets, rehabilitation, infrastructure"),
        "TRAN", "ANNUAL", PUBLISHED, _year(2023),
        files=(("kutaisi-road-repairs-2023.xlsx", ""),),
        source_system="Excel", current_format="XLSX",
    ),
    Entry(
        "culture-sport-education-youth",
        ("კულტურული ღონისძიებების კალენდარი, 2024", "Calendar of cultural events, 2024"),
        ("მუნიციპალიტეტის მიერ 2024 წელს დაგეგმილი კულტურული ღონისძიებები: თარიღი, ადგილი და დასწრების პირობები.",
         "Cultural events the municipality plans for 2024: date, venue and whether entry is free."),
        ("კულტურა, ღონისძიებები, ფესტივალი", "culture, events, festival"),
        "EDUC", "MONTHLY", REVIEW, _year(2024),
        files=(("kutaisi-cultural-events-2024.json", ""),),
        source_system="Excel", current_format="JSON",
    ),
    Entry(
        "economy-property-transport",
        ("მუნიციპალური ქონება", "Municipal property register"),
        ("მუნიციპალიტეტის საკუთრებაში არსებული უძრავი ქონება: ობიექტი, მისამართი, საკადასტრო კოდი, ფართები და "
         "გამოყენება.",
         "Real estate owned by the municipality: object, address, cadastral code, areas and current use."),
        ("ქონება, უძრავი ქონება, იჯარა, კადასტრი", "property, real estate, lease, cadastre"),
        "GOVE", "QUARTERLY", REVIEW,
        files=(("kutaisi-municipal-property.xlsx", ""),),
        source_system="ქონების აღრიცხვის რეესტრი (Excel)", current_format="XLSX", priority=HIGH,
    ),
    Entry(
        "health-social",
        ("სოციალური დახმარების მიმღებები, 2023", "Recipients of social assistance, 2023"),
        ("მუნიციპალური სოციალური პროგრამების ბენეფიციართა სია. შიდა გამოყენებისთვის.",
         "List of the beneficiaries of municipal social programmes. For internal use."),
        ("სოციალური დახმარება, ბენეფიციარები", "social assistance, beneficiaries"),
        "SOCI", "MONTHLY", PREPARATION, _year(2023),
        files=(("kutaisi-social-assistance-recipients-2023.xlsx", ""),),
        licence="other-closed", access_level="non_public", access_reason=_PERSONAL_DATA_REASON,
        source_system="სოციალური პროგრამების მონაცემთა ბაზა", current_format="XLSX", personal_data=True,
    ),
    Entry(
        "infrastructure",
        ("გარე განათება", "Street lighting"),
        ("გარე განათების სანათები ქუჩების მიხედვით: რაოდენობა, ნათურის ტიპი და მდგომარეობა.",
         "Street lamps by street: number, lamp type and state."),
        ("განათება, სანათები, ენერგოეფექტურობა", "lighting, street lamps, energy efficiency"),
        "ENER", "ANNUAL", PREPARATION,
        source_system="Excel", current_format="XLSX",
    ),
    Entry(
        "spatial-planning-permits",
        ("ორთოფოტო და ქალაქის ციფრული რუკა", "Orthophoto and digital city map"),
        ("ქალაქის აეროფოტოგადაღება და ციფრული რუკის ფენები (შენობები, ქუჩები, ნაკვეთები).",
         "Aerial photography of the city and digital map layers (buildings, streets, parcels)."),
        ("რუკა, ორთოფოტო, GIS", "map, orthophoto, GIS"),
        "REGI", "IRREG", PREPARATION,
        licence="other-closed", access_level="restricted",
        access_reason=("ორთოფოტო შეძენილია მომწოდებლისგან ლიცენზიით, რომელიც მესამე პირებზე გავრცელებას კრძალავს.",
                       "The orthophoto was bought from a vendor under a licence that forbids passing it to third parties."),
        source_system="ArcGIS", current_format="GeoTIFF, SHP", priority=LOW,
    ),
    Entry(
        "economy-property-transport",
        ("პარკირების ჯარიმები, 2021", "Parking fines, 2021"),
        ("2021 წელს დაკისრებული პარკირების ჯარიმები: თარიღი, დარღვევა, ჯარიმის თანხა და ქუჩა.",
         "Parking fines imposed in 2021: date, offence, amount and street."),
        ("პარკირება, ჯარიმები", "parking, fines"),
        "JUST", "ANNUAL", WITHDRAWN, _year(2021),
        files=(("kutaisi-parking-fines-2021.csv", ""),),
        source_system="Excel", current_format="CSV", personal_data=True,
        status_note="ფაილი შეიცავდა ავტომობილების სახელმწიფო ნომრებს; გამოქვეყნდება აგრეგირებული სახით. "
        "The file held car plates; it will be republished in aggregate form.",
    ),
    Entry(
        "infrastructure",
        ("ნარჩენების გატანის განრიგი", "Waste collection schedule"),
        ("ნარჩენების გატანის დღეები და საათები უბნებისა და ქუჩების მიხედვით.",
         "Days and hours of waste collection by district and street."),
        ("ნარჩენები, დასუფთავება, განრიგი", "waste, cleaning, schedule"),
        "ENVI", "IRREG", PLANNED,
        source_system="Word", current_format="DOCX", priority=HIGH,
    ),
    Entry(
        "spatial-planning-permits",
        ("მწვანე საზოგადოებრივი სივრცეები", "Green public spaces"),
        ("ქალაქის პარკები, სკვერები და ბაღები: ფართობი, მდებარეობა და მოვლის პასუხისმგებელი.",
         "The city's parks, squares and gardens: area, location and who maintains them."),
        ("პარკები, სკვერები, მწვანე ნარგავები", "parks, squares, green spaces"),
        "ENVI", "ANNUAL", PLANNED,
        digital=False, current_format="ქაღალდი", priority=LOW,
    ),
    Entry(
        "culture-sport-education-youth",
        ("საგანმანათლებლო და ახალგაზრდული პროგრამები", "Education and youth programmes"),
        ("მუნიციპალიტეტის მიერ დაფინანსებული საგანმანათლებლო და ახალგაზრდული პროგრამები და მონაწილეთა რაოდენობა.",
         "Education and youth programmes funded by the municipality and the number of participants."),
        ("განათლება, ახალგაზრდობა, პროგრამები", "education, youth, programmes"),
        "EDUC", "ANNUAL", PLANNED,
        source_system="Word, Excel", current_format="DOCX",
    ),
    Entry(
        "economy-property-transport",
        ("ტურისტული ვიზიტები და განთავსების ობიექტები", "Tourist visits and accommodation"),
        ("ქალაქში განთავსების ობიექტები და ვიზიტორთა რაოდენობა თვეების მიხედვით.",
         "Accommodation in the city and the number of visitors by month."),
        ("ტურიზმი, სასტუმროები, ვიზიტორები", "tourism, hotels, visitors"),
        "ECON", "MONTHLY", PLANNED,
        exists=False, priority=LOW,
    ),
    Entry(
        "health-social",
        ("სოციალური პროგრამების ბენეფიციართა რაოდენობა", "Social programmes: number of beneficiaries"),
        ("ბენეფიციართა და გაცემული თანხის ჯამები პროგრამებისა და თვეების მიხედვით, პერსონალური მონაცემების გარეშე.",
         "Totals of beneficiaries and amounts paid by programme and month, without personal data."),
        ("სოციალური დახმარება, სტატისტიკა", "social assistance, statistics"),
        "SOCI", "QUARTERLY", PLANNED,
        source_system="სოციალური პროგრამების მონაცემთა ბაზა", current_format="XLSX", priority=HIGH,
    ),
)  # fmt: skip

AKHALTSIKHE = (
    Entry(
        "finance",
        ("ახალციხის მუნიციპალიტეტის 2017 წლის ბიუჯეტი და მისი შესრულება", "Akhaltsikhe municipality budget 2017 and its execution"),
        ("2017 წლის ბიუჯეტის ხარჯები პროგრამების მიხედვით: გეგმა და შესრულება (დაახლოებით 7,9 მლნ ლარი). "
         "ფაილი აკრეფილია AcadNusx შრიფტით.",
         "Expenditure of the 2017 budget by programme: plan and execution (about 7.9 million GEL). The file "
         "was typed in the AcadNusx font."),
        ("ბიუჯეტი, ხარჯები, შესრულება", "budget, expenditure, execution"),
        "ECON", "ANNUAL", PUBLISHED, _year(2017),
        files=(("akhaltsikhe-budget-2017.xlsx", ""),),
        source_system="Excel", current_format="XLSX (AcadNusx)", priority=HIGH,
    ),
    Entry(
        "finance",
        ("სახელმწიფო შესყიდვები, 2023", "Public procurement contracts, 2023"),
        ("მერიის 2023 წლის ხელშეკრულებები: ტენდერის ნომერი, ობიექტი, მიმწოდებელი, თანხა და თარიღი.",
         "The city hall's 2023 contracts: tender number, object, supplier, amount and date."),
        ("შესყიდვები, ტენდერები", "procurement, tenders"),
        "ECON", "ANNUAL", PUBLISHED, _year(2023),
        files=(("akhaltsikhe-procurement-2023.csv", ""),),
        source_system="tenders.procurement.gov.ge", current_format="CSV", priority=HIGH,
    ),
    Entry(
        "culture",
        ("ბაგა-ბაღები", "Kindergartens"),
        ("მუნიციპალიტეტის 14 ბაგა-ბაღი ქალაქსა და სოფლებში: მისამართი, ადგილები და აღსაზრდელები.",
         "The municipality's 14 kindergartens in the town and villages: address, places and enrolled children."),
        ("ბაგა-ბაღები, სკოლამდელი განათლება", "kindergartens, preschool education"),
        "EDUC", "ANNUAL", PUBLISHED, (dt.date(2023, 9, 1), dt.date(2024, 6, 30)),
        files=(("akhaltsikhe-kindergartens-2023.xlsx", ""),),
        source_system="Excel", current_format="XLSX", priority=HIGH,
    ),
    Entry(
        "administrative",
        ("საკრებულოს გადაწყვეტილებები, 2023", "Municipal council decisions, 2023"),
        ("ახალციხის მუნიციპალიტეტის საკრებულოს 2023 წლის გადაწყვეტილებების სია.",
         "List of the 2023 decisions of the Akhaltsikhe municipal council."),
        ("საკრებულო, გადაწყვეტილებები", "council, decisions"),
        "GOVE", "ANNUAL", PUBLISHED, _year(2023),
        files=(("akhaltsikhe-council-decisions-2023.pdf", ""),),
        source_system="eDocument", current_format="PDF",
    ),
    Entry(
        "infrastructure",
        ("გარე განათება", "Street lighting"),
        ("სანათების რაოდენობა, ტიპი და მდგომარეობა ქუჩებისა და სოფლების მიხედვით.",
         "Number, type and state of street lamps by street and village."),
        ("განათება, სანათები", "lighting, street lamps"),
        "ENER", "ANNUAL", PUBLISHED, _year(2023),
        files=(("akhaltsikhe-street-lighting.csv", ""),),
        source_system="Excel (AcadNusx)", current_format="CSV",
    ),
    Entry(
        "culture",
        ("კულტურული ღონისძიებები, 2023", "Cultural events, 2023"),
        ("2023 წელს ჩატარებული კულტურული ღონისძიებები: თარიღი, ღონისძიება და ადგილი.",
         "Cultural events held in 2023: date, event and venue."),
        ("კულტურა, ღონისძიებები", "culture, events"),
        "EDUC", "ANNUAL", PUBLISHED, _year(2023),
        files=(("akhaltsikhe-cultural-events-2023.docx", ""),),
        source_system="Word", current_format="DOCX", priority=LOW,
    ),
    Entry(
        "infrastructure",
        ("მშენებლობის ნებართვები, 2023", "Construction permits, 2023"),
        ("2023 წელს გაცემული მშენებლობის ნებართვები: თარიღი, კლასი, მისამართი და საკადასტრო კოდი.",
         "Construction permits issued in 2023: date, class, address and cadastral code."),
        ("მშენებლობა, ნებართვა", "construction, permit"),
        "REGI", "ANNUAL", PUBLISHED, _year(2023),
        files=(("akhaltsikhe-construction-permits-2023.xlsx", ""),),
        source_system="Excel", current_format="XLSX",
    ),
    Entry(
        "culture",
        ("სპორტული ობიექტები", "Sports facilities"),
        ("მუნიციპალიტეტის სპორტული ობიექტები და მათი მდგომარეობა.",
         "The municipality's sports facilities and their state."),
        ("სპორტი, სტადიონი", "sport, stadium"),
        "EDUC", "IRREG", PUBLISHED,
        files=(("akhaltsikhe-sports-facilities.pdf", ""),),
        source_system="Word", current_format="PDF", priority=LOW,
    ),
    Entry(
        "economy",
        ("სამარშრუტო ტაქსების მარშრუტები", "Minibus routes"),
        ("ქალაქისა და სოფლების სამარშრუტო ტაქსების მარშრუტები, ტარიფი, ინტერვალი და გაჩერებების კოორდინატები.",
         "Minibus routes of the town and villages, fare, interval and the coordinates of the stops."),
        ("ტრანსპორტი, მარშრუტი", "transport, route"),
        "TRAN", "ANNUAL", REVIEW,
        files=(("akhaltsikhe-minibus-routes.pdf", ""), ("akhaltsikhe-minibus-stops.csv", "")),
        source_system="Word, Excel", current_format="PDF, CSV", priority=HIGH,
    ),
    Entry(
        "health-social",
        ("სოციალური დახმარების მიმღებები, 2023", "Recipients of social assistance, 2023"),
        ("სოციალური პროგრამების ბენეფიციართა სია. შიდა გამოყენებისთვის.",
         "List of the beneficiaries of social programmes. For internal use."),
        ("სოციალური დახმარება", "social assistance"),
        "SOCI", "MONTHLY", PREPARATION, _year(2023),
        files=(("akhaltsikhe-social-assistance-recipients-2023.xlsx", ""),),
        licence="other-closed", access_level="non_public", access_reason=_PERSONAL_DATA_REASON,
        source_system="Excel", current_format="XLSX", personal_data=True,
    ),
    Entry(
        "finance",
        ("ბიუჯეტის შესრულება, 2023", "Budget execution, 2023"),
        ("2023 წლის ბიუჯეტის შესრულების კვარტალური ანგარიშები.", "Quarterly reports on the execution of the 2023 budget."),
        ("ბიუჯეტი, შესრულება", "budget, execution"),
        "ECON", "QUARTERLY", PREPARATION, _year(2023),
        source_system="eBudget", current_format="PDF", priority=HIGH,
    ),
    Entry(
        "economy",
        ("ტურისტული ღირსშესანიშნაობები", "Tourist sights"),
        ("რაბათის ციხე და მუნიციპალიტეტის სხვა ღირსშესანიშნაობები: აღწერა, მისამართი და სამუშაო საათები.",
         "Rabati fortress and the municipality's other sights: description, address and opening hours."),
        ("ტურიზმი, ღირსშესანიშნაობები, რაბათი", "tourism, sights, Rabati"),
        "REGI", "ANNUAL", PREPARATION,
        source_system="Word", current_format="DOCX",
    ),
    Entry(
        "infrastructure",
        ("ნარჩენების გატანის განრიგი", "Waste collection schedule"),
        ("ნარჩენების გატანის დღეები ქუჩებისა და სოფლების მიხედვით.", "Waste collection days by street and village."),
        ("ნარჩენები, დასუფთავება", "waste, cleaning"),
        "ENVI", "IRREG", PLANNED,
        digital=False, current_format="ქაღალდი", priority=HIGH,
    ),
    Entry(
        "supervision",
        ("ზედამხედველობის სამსახურის ჯარიმები", "Fines imposed by the supervision service"),
        ("უნებართვო მშენებლობისა და სხვა დარღვევებისთვის დაკისრებული ჯარიმები.",
         "Fines for unauthorised construction and other offences."),
        ("ზედამხედველობა, ჯარიმები", "supervision, fines"),
        "JUST", "ANNUAL", PLANNED,
        digital=False, current_format="ქაღალდის ჟურნალი", personal_data=True, priority=LOW,
    ),
    Entry(
        "internal-audit",
        ("შიდა აუდიტის ანგარიშები", "Internal audit reports"),
        ("შიდა აუდიტის სამსახურის წლიური ანგარიშები და რეკომენდაციები.",
         "Annual reports and recommendations of the internal audit service."),
        ("აუდიტი, ანგარიშები", "audit, reports"),
        "GOVE", "ANNUAL", PLANNED,
        source_system="Word", current_format="DOCX", priority=LOW,
    ),
    Entry(
        "administrative",
        ("მოქალაქეთა მიმართვების სტატისტიკა", "Statistics of citizens' requests"),
        ("მერიაში შემოსული განცხადებების რაოდენობა თემებისა და თვეების მიხედვით.",
         "Number of requests received by the city hall by topic and month."),
        ("მიმართვები, განცხადებები", "requests, applications"),
        "GOVE", "QUARTERLY", PLANNED,
        digital=False, current_format="ქაღალდის ჟურნალი",
    ),
)  # fmt: skip

INVENTORIES = {"kutaisi": KUTAISI, "akhaltsikhe": AKHALTSIKHE}
