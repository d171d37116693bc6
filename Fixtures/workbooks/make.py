"""Writes the workbook fixtures with openpyxl (as CRM and reporting tools do).

Not run by the tests: the .xlsx files are committed. To write them again:
    python3 -m venv /tmp/xlsx && /tmp/xlsx/bin/pip install openpyxl==3.1.5
    /tmp/xlsx/bin/python Fixtures/workbooks/make.py
"""
import datetime
import os
import zipfile

from openpyxl import Workbook

here = os.path.dirname(os.path.abspath(__file__))
bad = os.path.join(here, "..", "bad")


def addresses(sheet):
    sheet.append(["Vorname", "Nachname", "Straße", "Hausnummer", "PLZ", "Ort", "Telefon", "Kunde seit"])
    rows = [
        ["Hans", "Müller", "Hauptstraße", "5a", 10115, "Berlin", "030 23125 001", datetime.date(2019, 3, 1)],
        ["Monika", "Hoffmann", "Goethestraße", 8, 4109, "Leipzig", None, datetime.date(2021, 11, 15)],
        ["Zoë", "Łukasiewicz", "Am Weg; Hinterhaus", 2, "01067", "Dresden", "0351 4711", None],
    ]
    for row in rows:
        sheet.append(row)
    for cell in sheet["E"][1:]:
        if isinstance(cell.value, int):
            cell.number_format = "00000"  # Excel's "Postleitzahl" special format
    for cell in sheet["H"][1:]:
        cell.number_format = "DD.MM.YYYY"


# A customer's export: one sheet of addresses, an empty second sheet.
book = Workbook()
book.active.title = "Adressen"
addresses(book.active)
book.create_sheet("Tabelle2")
book.save(os.path.join(here, "adressen.xlsx"))

# Two sheets with data: which one to check cannot be known.
book = Workbook()
book.active.title = "Kunden 2025"
addresses(book.active)
addresses(book.create_sheet("Kunden 2026"))
book.save(os.path.join(bad, "zwei-blaetter.xlsx"))

# A macro workbook: the same addresses with a VBA project inside.
book = Workbook()
addresses(book.active)
macro = os.path.join(bad, "makro.xlsm")
book.save(macro)
with zipfile.ZipFile(macro, "a") as archive:
    archive.writestr("xl/vbaProject.bin", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))

# An Excel 97-2003 file: an OLE2 compound document header.
with open(os.path.join(bad, "alt.xls"), "wb") as handle:
    handle.write(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
