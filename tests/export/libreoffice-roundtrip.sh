#!/usr/bin/env bash
# LibreOffice Calc opens the XLSX export as a user would: `soffice --headless --convert-to csv`
# must give back every account ID unchanged (leading zeros too), UTF-8 text intact, and Last
# Updated as dates. The truth is the JSON export of the same demo organization.
#   tests/export/libreoffice-roundtrip.sh path/to/enrollment-desk
# Exit 77 (skipped) when LibreOffice is not installed: apt-get install libreoffice-calc-nogui.
set -euo pipefail
desk=${1:?usage: $0 path/to/enrollment-desk}
if ! command -v soffice >/dev/null 2>&1; then
    echo "SKIPPED: LibreOffice is not installed (no soffice on PATH), so the XLSX round trip was not checked." \
         "Install it with: apt-get install libreoffice-calc-nogui"
    exit 77
fi
command -v python3 >/dev/null || { echo "python3 is needed to compare the round trip." >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A profile of its own: never the user's, and no clash with a Calc already running.
office=(soffice --headless --norestore "-env:UserInstallation=file://$work/profile")

"$desk" --demo --quiet --export "$work/accounts.xlsx"
"$desk" --demo --quiet --export "$work/accounts.json"
# 44 comma, 34 double quote, 76 UTF-8, 1 start at row 1.
"${office[@]}" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work" "$work/accounts.xlsx" \
    > "$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; exit 1; }
# Flat ODS says what type each cell became: date, string, float.
"${office[@]}" --convert-to fods --outdir "$work" "$work/accounts.xlsx" >> "$work/soffice.log" 2>&1 \
    || { cat "$work/soffice.log"; exit 1; }

python3 - "$work" <<'PY'
import csv, datetime, io, json, sys
import xml.etree.ElementTree as ET

work = sys.argv[1]
truth = json.load(open(f"{work}/accounts.json", encoding="utf-8"))["accountEnrollmentStatuses"]
raw = open(f"{work}/accounts.csv", "rb").read()
problems = []
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError as error:
    print(f"FAIL: LibreOffice's CSV is not valid UTF-8: {error}")
    sys.exit(1)
rows = list(csv.reader(io.StringIO(text, newline="")))
header, rows = rows[0], rows[1:]
expected_header = ["Account ID", "Account Name", "Email", "OU Path", "Account State", "Joined (UTC)", "Status",
                   "Status Reason", "Last Updated (UTC)"]
if header != expected_header:
    problems.append(f"header is {header}")
if len(rows) != len(truth):
    problems.append(f"{len(rows)} rows came back, {len(truth)} were exported")

def cell_rule(text):
    """The export's control-character rule (core/export/spreadsheettext.h), for the expected text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n") or c in "\ufffe\uffff" else c for c in text)

def shown_date(stamp):
    when = datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    shown = when.strftime("%Y-%m-%d %H:%M:%S")
    return shown + f".{when.microsecond // 1000:03d}" if "." in stamp else shown

changed_ids = leading_zero = non_ascii = non_ascii_intact = dates_checked = formula_like = formula_intact = 0
for row, account in zip(rows, truth):
    if row[0] != account["accountId"]:
        changed_ids += 1
        if changed_ids <= 5:
            problems.append(f"ID {account['accountId']} came back as {row[0]!r}")
    leading_zero += account["accountId"].startswith("0")
    for got, field in ((row[1], "name"), (row[2], "email"), (row[3], "ouPath"), (row[4], "accountState"),
                       (row[7], "statusReason")):
        want = cell_rule(account.get(field, ""))
        if want[:1] in ("=", "+", "-", "@"):
            formula_like += 1
            formula_intact += got == want
        if any(ord(c) > 127 for c in want):
            non_ascii += 1
            non_ascii_intact += got == want
        if got != want and len(problems) < 20:
            problems.append(f"{field} of {account['accountId']}: {want!r} came back as {got!r}")
    if "lastUpdatedTimestamp" in account:
        dates_checked += 1
        if row[8] != shown_date(account["lastUpdatedTimestamp"]) and len(problems) < 20:
            problems.append(f"Last Updated of {account['accountId']}: {row[8]!r}, "
                            f"expected {shown_date(account['lastUpdatedTimestamp'])!r}")

# What LibreOffice made of each cell, from the flat ODS of the same workbook.
ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
VALUE_TYPE = f"{{{ns['office']}}}value-type"
REPEATED = f"{{{ns['table']}}}number-columns-repeated"
sheet = next(t for t in ET.parse(f"{work}/accounts.fods").iter(f"{{{ns['table']}}}table")
             if t.get(f"{{{ns['table']}}}name") == "Accounts")
id_types, date_types = {}, {}
for number, table_row in enumerate(sheet.iter(f"{{{ns['table']}}}table-row")):
    if number == 0:
        continue
    cells = []
    for cell in table_row:
        cells += [cell.get(VALUE_TYPE)] * min(int(cell.get(REPEATED, "1")), 8)
    if not cells or cells[0] is None:
        continue
    id_types[cells[0]] = id_types.get(cells[0], 0) + 1
    if len(cells) > 8 and cells[8] is not None:
        date_types[cells[8]] = date_types.get(cells[8], 0) + 1

print(f"accounts round-tripped: {len(rows)} of {len(truth)}")
print(f"changed IDs: {changed_ids} of {len(truth)} ({leading_zero} start with 0)")
print(f"non-ASCII texts intact: {non_ascii_intact} of {non_ascii}")
print(f"formula-like texts kept as plain text: {formula_intact} of {formula_like}")
print(f"Account ID cell types in Calc: {id_types}")
print(f"Last Updated cell types in Calc: {date_types} ({dates_checked} accounts have a timestamp)")
if id_types != {"string": len(truth)}:
    problems.append("not every Account ID is a text cell in Calc")
if date_types != {"date": dates_checked}:
    problems.append("not every Last Updated is a date cell in Calc")
if non_ascii == 0 or leading_zero == 0:
    problems.append("the demo organization no longer has non-ASCII text or IDs with a leading zero to check")
for problem in problems:
    print("FAIL:", problem)
sys.exit(1 if problems or changed_ids else 0)
PY
