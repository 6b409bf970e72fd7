"""Files of the city's services: kindergartens, transport, Wi-Fi, sport, requests, events, lighting."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence

from openpyxl import Workbook

from ghia.catalog.demo.files.base import DemoFile, address, author, maker, near, phone
from ghia.catalog.demo.messy import TOTAL_LABEL, SheetWriter, random_day, rng_for, split_total
from ghia.catalog.demo.places import AKHALTSIKHE, KUTAISI, City
from ghia.catalog.demo.writers import csv_bytes, xlsx_bytes
from ghia.standards.legacy_fonts import to_legacy

# --- kindergartens ---------------------------------------------------------------------


def _kindergartens(
    name: str, city: City, count: int, children: int, village_share: float, title: Sequence[str]
) -> DemoFile:
    rng = rng_for(name)
    wb = Workbook()
    ws = wb.active
    ws.title = "ბაგა-ბაღები"
    sheet = SheetWriter(ws, width=8)
    for line in title:
        sheet.title(line)
    header_row = sheet.header(
        [
            "№",
            "დასახელება",
            "მისამართი",
            "უბანი / სოფელი",
            "ტელეფონი",
            "ჯგუფები",
            "ადგილები",
            "აღსაზრდელები",
        ]
    )
    numbers = sorted(rng.sample(range(1, count + 9), count))
    enrolled = split_total(children, [rng.uniform(0.6, 1.4) for _ in numbers], step=1)
    for n, (number, kids) in enumerate(zip(numbers, enrolled, strict=True), 1):
        if rng.random() < village_share:
            district = rng.choice(city.districts[3:])[0]
            title_ka, where = f"ბაგა-ბაღი (სოფ. {district})", f"სოფ. {district}"
        else:
            district = rng.choice(city.districts[:3])[0]
            title_ka, where = f"{city.genitive} №{number} ბაგა-ბაღი", address(rng, city)
        places = kids + rng.randint(-12, 40)
        sheet.data([
            n, title_ka, where, district,
            phone(rng, city) if rng.random() > 0.1 else "-",
            math.ceil(kids / 28), places if rng.random() > 0.05 else "-", kids,
        ])  # fmt: skip
    sheet.data([None, TOTAL_LABEL, None, None, None, None, None, children], bold=True)
    facts = {
        "header_row": header_row,
        "title_rows": len(title),
        "rows": count,
        "children": children,
        "totals_label": TOTAL_LABEL,
    }
    return DemoFile(name, xlsx_bytes(wb, author(city)), facts)


@maker
def kutaisi_kindergartens() -> DemoFile:
    title = (
        "ქალაქ ქუთაისის ბაგა-ბაღების გაერთიანება",
        "ბაგა-ბაღები და აღსაზრდელთა რაოდენობა, 2023-2024 სასწავლო წელი",
    )
    return _kindergartens("kutaisi-kindergartens-2023.xlsx", KUTAISI, 37, 9_012, 0.0, title)


@maker
def akhaltsikhe_kindergartens() -> DemoFile:
    title = ("ახალციხის მუნიციპალიტეტის ბაგა-ბაღები, 2023 წელი",)
    return _kindergartens("akhaltsikhe-kindergartens-2023.xlsx", AKHALTSIKHE, 14, 1_146, 0.5, title)


# --- transport -------------------------------------------------------------------------


def _kutaisi_network(rng):
    """Bus routes from one district through the centre to another, with their stops."""
    stops: dict[str, dict] = {}

    def stop(name: str, lat: float, lon: float) -> str:
        stop_id = f"K{len(stops) + 1:03d}"
        stops[stop_id] = {"id": stop_id, "name": name, "lat": round(lat, 6), "lon": round(lon, 6)}
        return stop_id

    centre = [stop(name, lat, lon) for name, lat, lon in KUTAISI.landmarks[:4]]
    numbers = ("1", "2", "4", "7", "9", "11", "12", "15", "17", "20", "22", "25", "30", "34")
    buses = split_total(60, [rng.uniform(2, 6) for _ in numbers], step=1)
    routes = []
    for number, fleet in zip(numbers, buses, strict=True):
        ends = rng.sample(KUTAISI.districts[1:], 2)
        path = []
        for (district, _), direction in zip(ends, (-1, 1), strict=True):
            end_lat, end_lon = near(rng, KUTAISI, 5.0)
            leg = [
                stop(f"{rng.choice(KUTAISI.streets)} ({district})",
                     KUTAISI.lat + (end_lat - KUTAISI.lat) * i / 6 + rng.uniform(-0.002, 0.002),
                     KUTAISI.lon + (end_lon - KUTAISI.lon) * i / 6 + rng.uniform(-0.002, 0.002))
                for i in range(6, 0, -1)
            ]  # fmt: skip
            path += leg if direction < 0 else leg[::-1]
            if direction < 0:
                path += rng.sample(centre, 2)
        routes.append({
            "number": number,
            "name": {"ka": f"{ends[0][0]} – ცენტრი – {ends[1][0]}", "en": f"{ends[0][1]} – Centre – {ends[1][1]}"},
            "buses": fleet, "interval_minutes": max(6, round(90 / fleet)),
            "first_departure": "07:00", "last_departure": rng.choice(("21:30", "22:00", "23:00")),
            "stops": path,
        })  # fmt: skip
    return routes, list(stops.values())


@maker
def kutaisi_bus_routes() -> DemoFile:
    name = "kutaisi-bus-routes.json"
    routes, stops = _kutaisi_network(rng_for("kutaisi-bus-network"))
    document = {
        "city": "ქუთაისი",
        "valid_from": "2023-09-01",
        "fare_gel": 0.5,
        "routes": routes,
        "stops": stops,
    }
    content = json.dumps(document, ensure_ascii=False, indent=2).encode()
    return DemoFile(
        name,
        content,
        {"routes": len(routes), "buses": sum(r["buses"] for r in routes), "stops": len(stops)},
    )


@maker
def kutaisi_bus_stops() -> DemoFile:
    name = "kutaisi-bus-stops.csv"
    _, stops = _kutaisi_network(rng_for("kutaisi-bus-network"))
    rows = [["stop_id", "stop_name", "stop_lat", "stop_lon"]] + [
        [s["id"], s["name"], s["lat"], s["lon"]] for s in stops
    ]
    return DemoFile(
        name,
        csv_bytes(rows, line_end="\n"),
        {"encoding": "utf-8", "delimiter": ",", "header_row": 1, "rows": len(stops)},
    )


@maker
def akhaltsikhe_minibus_stops() -> DemoFile:
    """Stops noted on a field survey: coordinates pasted from a map as one "lat, lon" text."""
    name = "akhaltsikhe-minibus-stops.csv"
    rng = rng_for(name)
    _, station_lat, station_lon = next(p for p in AKHALTSIKHE.landmarks if p[0] == "ავტოსადგური")
    rows = [["მარშრუტი", "რიგითი №", "გაჩერება", "კოორდინატები"]]
    for number, (district, _) in enumerate(AKHALTSIKHE.districts[1:], 1):
        # The first districts are parts of the town, the rest villages around it.
        end_lat, end_lon = near(rng, AKHALTSIKHE, 1.5 if number < 3 else 9.0)
        count = rng.randint(4, 7)
        for order in range(1, count + 1):
            lat = station_lat + (end_lat - station_lat) * order / count + rng.uniform(-0.001, 0.001)
            lon = station_lon + (end_lon - station_lon) * order / count + rng.uniform(-0.001, 0.001)
            stop = district if order == count else rng.choice(AKHALTSIKHE.streets)
            rows.append([f"№{number}", order, stop, f"{lat:.6f}, {lon:.6f}"])
    facts = {
        "encoding": "utf-8",
        "delimiter": ",",
        "header_row": 1,
        "rows": len(rows) - 1,
        "coordinates": "კოორდინატები",
    }
    return DemoFile(name, csv_bytes(rows), facts)


@maker
def kutaisi_paid_parking() -> DemoFile:
    """Saved from Excel as "Unicode text": UTF-16 with tabs, under a .csv name."""
    name = "kutaisi-paid-parking-zones.csv"
    rng = rng_for(name)
    rows = [["ზონა", "ქუჩა", "ადგილები", "ტარიფი", "საათები"]]
    for n, street in enumerate(rng.sample(KUTAISI.streets, 18), 1):
        rows.append(
            [
                f"P-{n:02d}",
                street,
                rng.randint(12, 120),
                "1 ლარი / საათი",
                rng.choice(("09:00-19:00", "09:00-21:00")),
            ]
        )
    content = csv_bytes(rows, delimiter="\t", encoding="utf-16")
    return DemoFile(
        name,
        content,
        {"encoding": "utf-16", "delimiter": "\t", "header_row": 1, "rows": len(rows) - 1},
    )


# --- city services ---------------------------------------------------------------------


@maker
def kutaisi_wifi_points() -> DemoFile:
    name = "kutaisi-public-wifi.geojson"
    rng = rng_for(name)
    features = []
    places = [(landmark, lat, lon) for landmark, lat, lon in KUTAISI.landmarks]
    places += [(address(rng, KUTAISI), *near(rng, KUTAISI, 3.5)) for _ in range(22)]
    for n, (place, lat, lon) in enumerate(places, 1):
        features.append({
            "type": "Feature", "id": f"wifi-{n:03d}",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "name": place, "access_points": rng.randint(1, 4),
                "installed": random_day(rng, dt.date(2019, 5, 1), dt.date(2023, 11, 30)).isoformat(),
                "status": "active" if rng.random() < 0.9 else "out of order",
            },
        })  # fmt: skip
    content = json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1
    ).encode()
    return DemoFile(name, content, {"features": len(features)})


@maker
def kutaisi_sports_facilities() -> DemoFile:
    name = "kutaisi-sports-facilities.csv"
    rng = rng_for(name)
    kinds = (
        "სპორტული დარბაზი",
        "მინი-სტადიონი",
        "საცურაო აუზი",
        "ჩოგბურთის კორტი",
        "სკეიტპარკი",
        "ფიტნეს-მოედანი",
    )
    rows = [["name", "type", "address", "lat", "lon", "capacity"],
            ["რამაზ შენგელიას სახელობის სტადიონი", "სტადიონი", "ახალგაზრდობის გამზირი", 42.2629, 42.6929, 12000]]  # fmt: skip
    for _ in range(24):
        kind = rng.choice(kinds)
        rows.append(
            [
                f"{kind} ({rng.choice(KUTAISI.districts)[0]})",
                kind,
                address(rng, KUTAISI),
                *near(rng, KUTAISI, 4.0),
                rng.randint(20, 600),
            ]
        )
    return DemoFile(
        name,
        csv_bytes(rows),
        {"encoding": "utf-8", "delimiter": ",", "header_row": 1, "rows": len(rows) - 1},
    )


@maker
def kutaisi_citizen_requests_2023() -> DemoFile:
    name = "kutaisi-citizen-requests-2023.csv"
    rng = rng_for(name)
    topics = ("ინფრასტრუქტურა", "დასუფთავება", "ტრანსპორტი", "სოციალური დახმარება", "მშენებლობის ნებართვა",
              "საჯარო ინფორმაცია", "განათლება", "გარე განათება")  # fmt: skip
    rows = [
        ["თვე", "თემა", "შემოსული", "ვადაში პასუხი", "ვადაგადაცილებული", "ელექტრონულად შემოსული"]
    ]
    for month in range(1, 13):
        for topic in topics:
            received = rng.randint(15, 420)
            late = rng.randint(0, received // 12)
            rows.append(
                [
                    f"2023-{month:02d}",
                    topic,
                    received,
                    received - late,
                    late,
                    round(received * rng.uniform(0.3, 0.7)),
                ]
            )
    return DemoFile(
        name,
        csv_bytes(rows),
        {"encoding": "utf-8", "delimiter": ",", "header_row": 1, "rows": len(rows) - 1},
    )


@maker
def kutaisi_cultural_events_2024() -> DemoFile:
    name = "kutaisi-cultural-events-2024.json"
    rng = rng_for(name)
    kinds = (("საახალწლო კონცერტი", "New Year concert"), ("ქუთაისობა", "Kutaisoba city festival"),
             ("თეატრალური ფესტივალი", "Theatre festival"), ("საბავშვო ხატვის კონკურსი", "Children's drawing contest"),
             ("ჯაზის საღამო", "Jazz evening"), ("ფოტოგამოფენა", "Photo exhibition"), ("წიგნის ფესტივალი", "Book festival"),
             ("ხალხური სიმღერის კონცერტი", "Folk song concert"))  # fmt: skip
    events = []
    for n, day in enumerate(
        sorted(random_day(rng, dt.date(2024, 1, 5), dt.date(2024, 12, 30)) for _ in range(30)), 1
    ):
        ka, en = rng.choice(kinds)
        events.append({"id": n, "title": {"ka": ka, "en": en}, "date": day.isoformat(), "venue": rng.choice(KUTAISI.landmarks)[0],
                       "free_entry": rng.random() < 0.7})  # fmt: skip
    return DemoFile(
        name, json.dumps(events, ensure_ascii=False, indent=2).encode(), {"rows": len(events)}
    )


@maker
def akhaltsikhe_street_lighting() -> DemoFile:
    """Typed in AcadNusx and saved as CSV on a computer set to Russian: Latin letters for
    Georgian, "№" as byte 0xB9 of Windows-1251, semicolons. Nothing in a CSV says which
    font it was typed in."""
    name = "akhaltsikhe-street-lighting.csv"
    rng = rng_for(name)
    rows = [
        [
            "№",
            to_legacy("ქუჩა / სოფელი"),
            to_legacy("სანათები"),
            to_legacy("ნათურის ტიპი"),
            to_legacy("მდგომარეობა"),
        ]
    ]
    places = list(AKHALTSIKHE.streets) + [
        f"სოფ. {district}" for district, _ in AKHALTSIKHE.districts[3:]
    ]
    for n, place in enumerate(places, 1):
        lamp = rng.choice(("LED", "LED", "ნატრიუმის"))
        state = rng.choice(("მწყობრი", "მწყობრი", "საჭიროებს შეკეთებას"))
        rows.append([n, to_legacy(place), rng.randint(8, 95), to_legacy(lamp), to_legacy(state)])
    content = csv_bytes(rows, delimiter=";", encoding="cp1251")
    facts = {
        "encoding": "cp1251",
        "delimiter": ";",
        "header_row": 1,
        "rows": len(places),
        "legacy_text": True,
    }
    return DemoFile(name, content, facts)
