#!/usr/bin/env python3
"""The DuckDB peer of `robinson match`: the same normalization in SQL (folding
of umlauts, ß and accents, titles, salutations and particles removed, street
types made canonical, house numbers, postcodes, phone numbers to E.164,
e-mail addresses), a Kölner Phonetik function in SQL, the five keys per row
(household, person, phonetic, phone, e-mail) hashed to 64 bits, and hash joins
against the delivery's keys. Writes the input with three marker columns.

    duckdb_peer.py DELIVERY INPUT OUTPUT [--threads 2]

Prints the time of each phase; `Benchmarks/match-vs-duckdb.sh` runs it under
/usr/bin/time beside `robinson match` on the same files.
"""
import sys
import time

import duckdb

TITLES = ("herr herrn frau hr hrn fr frl fraeulein familie fam eheleute mr mrs dr dres drs prof professor doktor "
          "mba bsc msc llm llb phd beng meng dring drmed jr sr med dent vet rer nat pol oec jur theol hc habil mult "
          "techn agr paed fh univ dipl diplom ing kfm mag ma ba jun sen und u geb verw").split()
PARTICLES = "von van vom de der den zu zur zum di da du le la ten ter del della dos das v vd".split()

SQL_MACROS = r"""
CREATE OR REPLACE MACRO fold(s) AS
    regexp_replace(
        strip_accents(replace(replace(replace(replace(replace(replace(replace(lower(coalesce(s, '')),
            'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), '''', '')),
        '[^a-z0-9.]+', ' ', 'g');
CREATE OR REPLACE MACRO drop_words(s) AS
    regexp_replace(regexp_replace(' ' || regexp_replace(s, '\.', ' ', 'g') || ' ', ' ({titles})(?: ({titles}))* ', ' ', 'g'),
        ' geb .*$', ' ', 'g');
CREATE OR REPLACE MACRO name_key(s) AS
    replace(regexp_replace(drop_words(fold(s)), ' ({particles})(?: ({particles}))* ', ' ', 'g'), ' ', '');
CREATE OR REPLACE MACRO street_key(s) AS
    regexp_replace(
        regexp_replace(regexp_replace(regexp_replace(regexp_replace(fold(s),
            '(strasse|strase|str)\b\.?', 'str', 'g'),
            '\bpl\b\.?', 'platz', 'g'),
            '\b(ch|chaus|chauss)\b\.?', 'chaussee', 'g'),
            '\bst\.? ', 'sankt', 'g'),
        '[^a-z0-9]', '', 'g');
CREATE OR REPLACE MACRO house_key(h) AS
    CASE WHEN regexp_matches(coalesce(h, ''), '^\D*0*(\d{1,4})') THEN
        regexp_extract(h, '^\D*0*(\d{1,4})', 1)
        || lower(regexp_extract(h, '^\D*\d{1,4}[ .-]?([a-zA-Z])\b', 1))
        || coalesce('-' || nullif(regexp_extract(h, '^\D*\d{1,4}[a-zA-Z]?\s*[-/–]\s*(\d{1,4})', 1), ''), '')
    END;
CREATE OR REPLACE MACRO plz_key(p) AS
    CASE WHEN regexp_matches(trim(coalesce(p, '')), '^(?:[dD][eE]?[- ]?)?(\d{4,5})$') THEN
        lpad(regexp_extract(trim(p), '(\d{4,5})$', 1), 5, '0') END;
CREATE OR REPLACE MACRO phone_digits(p) AS
    regexp_replace(regexp_replace(lower(coalesce(p, '')), '^(tel|telefon|fon|mobil|handy|fax)[.:]*', ''), '[ /().–-]|\(0\)', '', 'g');
CREATE OR REPLACE MACRO phone_key(p) AS
    CASE
        WHEN NOT regexp_matches(phone_digits(p), '^\+?\d{6,16}$') THEN NULL
        WHEN phone_digits(p) LIKE '+49%' THEN '+49' || ltrim(substr(phone_digits(p), 4), '0')
        WHEN phone_digits(p) LIKE '+%' THEN phone_digits(p)
        WHEN phone_digits(p) LIKE '0049%' THEN '+49' || ltrim(substr(phone_digits(p), 5), '0')
        WHEN phone_digits(p) LIKE '00%' THEN '+' || substr(phone_digits(p), 3)
        WHEN phone_digits(p) LIKE '0%' THEN '+49' || substr(phone_digits(p), 2)
    END;
CREATE OR REPLACE MACRO email_key(e) AS
    CASE WHEN regexp_matches(lower(trim(coalesce(e, ''), ' ' || chr(160))), '^[a-z0-9._%+''-]+@[a-z0-9.-]+\.[a-z]{2,}$')
        THEN lower(trim(e, ' ' || chr(160))) END;
-- Kölner Phonetik with regular expressions (RE2 has no look-around: context rules first, in order).
CREATE OR REPLACE MACRO kp_context(s) AS
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(s,
        'ph', '3h', 'g'),
        'p', '1', 'g'),
        '[dt]([csz])', '8\1', 'g'),
        '[dt]', '2', 'g'),
        '^c([ahkloqrux])', '4\1'),
        '^c', '8'),
        '([sz])c', '\18', 'g'),
        'c([ahkoqux])', '4\1', 'g'),
        'c', '8', 'g'),
        '([kq48])x', '\18', 'g'),
        'x', '48', 'g');
CREATE OR REPLACE MACRO kp_collapse(s) AS
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(regexp_replace(s, '0+', '0', 'g'), '1+', '1', 'g'), '2+', '2', 'g'), '3+', '3', 'g'), '4+', '4', 'g'),
        '5+', '5', 'g'), '6+', '6', 'g'), '7+', '7', 'g'), '8+', '8', 'g');
CREATE OR REPLACE MACRO kp_digits(s) AS
    replace(kp_collapse(translate(kp_context(s), 'aeijouybfvwgkqlmnrszh', '00000001333444566788-')), '-', '');
CREATE OR REPLACE MACRO koelner(s) AS
    CASE WHEN s IS NULL OR s = '' THEN '' ELSE regexp_replace(kp_digits(s), '(.)0+', '\1', 'g') END;
""".replace("{titles}", "|".join(TITLES)).replace("{particles}", "|".join(PARTICLES))

NORMALIZED = """
    SELECT {id} AS id, {extra}
        name_key(vorname) AS first, name_key(nachname) AS last,
        street_key(CASE WHEN trim(coalesce(hausnummer, '')) = '' THEN regexp_replace(strasse, '\\s+\\d.*$', '') ELSE strasse END) AS street,
        house_key(CASE WHEN trim(coalesce(hausnummer, '')) = '' THEN regexp_extract(strasse, '\\s(\\d.*)$', 1) ELSE hausnummer END) AS house,
        plz_key(plz) AS plz, phone_key(telefon) AS phone, email_key(email) AS email
    FROM {source}
"""

# Kölner Phonetik once per distinct folded name (names repeat), joined back.
CODES = """
    SELECT n, koelner(n) AS code FROM (SELECT first AS n FROM {norm} UNION SELECT last FROM {norm})
"""

KEYS = """
    SELECT id, {extra}
        CASE WHEN last <> '' AND street <> '' AND house IS NOT NULL AND plz IS NOT NULL
            THEN hash('household|' || last || '|' || street || '|' || house || '|' || plz) END AS household,
        CASE WHEN first <> '' AND last <> '' AND street <> '' AND house IS NOT NULL AND plz IS NOT NULL
            THEN hash('person|' || last || '|' || first || '|' || street || '|' || house || '|' || plz) END AS person,
        CASE WHEN first <> '' AND last <> '' AND street <> '' AND house IS NOT NULL AND plz IS NOT NULL
            THEN hash('phonetic|' || cl.code || '|' || cf.code || '|' || street || '|' || house || '|' || plz) END AS phonetic,
        CASE WHEN phone IS NOT NULL THEN hash('phone|' || phone) END AS phone,
        CASE WHEN email IS NOT NULL THEN hash('email|' || email) END AS email
    FROM {norm} LEFT JOIN {codes} cl ON cl.n = last LEFT JOIN {codes} cf ON cf.n = first
"""


def main():
    args = sys.argv[1:]
    threads = 2
    if "--threads" in args:
        i = args.index("--threads")
        threads = int(args[i + 1])
        del args[i:i + 2]
    delivery, input_path, output = args
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    con.execute("SET preserve_insertion_order = true")
    con.execute(SQL_MACROS)
    csv = "read_csv('{}', delim=';', header=true, all_varchar=true, quote='\"', strict_mode=false, null_padding=true)"

    t0 = time.time()
    con.execute(f"CREATE TEMP VIEW delivery_raw AS SELECT * FROM {csv.format(delivery)}")
    con.execute("CREATE TEMP TABLE delivery_norm AS " + NORMALIZED.format(id="0", extra="liste,", source="delivery_raw"))
    con.execute("CREATE TEMP TABLE delivery_codes AS " + CODES.format(norm="delivery_norm"))
    con.execute("CREATE TEMP TABLE delivery_keys AS " + KEYS.format(extra="liste,", norm="delivery_norm", codes="delivery_codes"))
    con.execute("""
        CREATE TEMP TABLE list_keys AS
        SELECT key, bit_or(mask) AS mask FROM (
            SELECT household AS key, 1 AS mask FROM delivery_keys WHERE liste = 'post' AND household IS NOT NULL
            UNION ALL SELECT person, 1 FROM delivery_keys WHERE liste = 'post' AND person IS NOT NULL
            UNION ALL SELECT phonetic, 1 FROM delivery_keys WHERE liste = 'post' AND phonetic IS NOT NULL
            UNION ALL SELECT phone, CASE liste WHEN 'telefon' THEN 2 WHEN 'mobil' THEN 4 ELSE 8 END
                FROM delivery_keys WHERE liste IN ('telefon', 'mobil', 'fax') AND phone IS NOT NULL
            UNION ALL SELECT email, 16 FROM delivery_keys WHERE liste = 'email' AND email IS NOT NULL
        ) GROUP BY key
    """)
    t1 = time.time()
    print(f"duckdb index: {con.execute('SELECT count(*) FROM list_keys').fetchone()[0]} keys in {t1 - t0:.2f} s", flush=True)

    con.execute(f"CREATE OR REPLACE TEMP VIEW input_raw AS SELECT row_number() OVER () AS rid, * FROM {csv.format(input_path)}")
    con.execute("CREATE TEMP TABLE input_norm AS " + NORMALIZED.format(id="rid", extra="", source="input_raw"))
    con.execute("CREATE TEMP TABLE input_codes AS " + CODES.format(norm="input_norm"))
    con.execute("CREATE TEMP TABLE input_keys AS " + KEYS.format(extra="", norm="input_norm", codes="input_codes"))
    con.execute(f"""
        COPY (
            SELECT r.* EXCLUDE (rid),
                CASE WHEN coalesce(p.mask, 0) | coalesce(f.mask, 0) | coalesce(t.mask, 0) | coalesce(e.mask, 0) <> 0 THEN 'ja'
                     WHEN k.household IS NULL AND k.phone IS NULL AND k.email IS NULL THEN 'pruefen'
                     ELSE 'nein' END AS robinson,
                coalesce(p.mask, 0) | coalesce(f.mask, 0) | coalesce(t.mask, 0) | coalesce(e.mask, 0) AS robinson_listen,
                CASE WHEN p.key IS NOT NULL THEN 'person' WHEN f.key IS NOT NULL THEN 'phonetisch'
                     WHEN t.key IS NOT NULL THEN 'telefon' WHEN e.key IS NOT NULL THEN 'email'
                     WHEN h.key IS NOT NULL THEN 'haushalt' ELSE '' END AS robinson_grund
            FROM input_raw r JOIN input_keys k ON k.id = r.rid
            LEFT JOIN list_keys h ON h.key = k.household
            LEFT JOIN list_keys p ON p.key = k.person
            LEFT JOIN list_keys f ON f.key = k.phonetic
            LEFT JOIN list_keys t ON t.key = k.phone
            LEFT JOIN list_keys e ON e.key = k.email
            ORDER BY r.rid
        ) TO '{output}' (DELIMITER ';', HEADER true)
    """)
    t2 = time.time()
    counts = con.execute(
        f"SELECT robinson, count(*) FROM read_csv('{output}', delim=';', header=true, all_varchar=true) GROUP BY 1 ORDER BY 1"
    ).fetchall()
    print(f"duckdb match: {t2 - t1:.2f} s; " + ", ".join(f"{m} {n}" for m, n in counts), flush=True)


if __name__ == "__main__":
    main()
