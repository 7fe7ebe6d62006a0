"""Shared pieces of the benchmark corpus generator: made-up sensitive values (Luhn-valid PANs in
brand ranges, SSNs, IBANs with a valid mod-97 checksum, credential-shaped strings), names and
prose. Every value is drawn from the caller's seeded random.Random, so a corpus is a pure function
of (seed, size). Nothing here is a real card, person or key."""

import string

WORDS = ("contact queue agent flow prompt transfer callback hold record transcript region instance "
         "billing payment account balance outage meter tariff customer advisor menu option routing "
         "survey language greeting holiday schedule overflow voicemail escalation priority skill").split()
FIRST = "alice bob carol dave erin frank grace heidi ivan judy mallory niaj olivia peggy rupert sybil".split()
DEPTS = "billing sales support outage retention collections moving renewals complaints".split()
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]

# Brand prefixes (IIN ranges) for made-up card numbers, with the length to complete to.
_PAN_BRANDS = [("4", 16), ("51", 16), ("53", 16), ("2221", 16), ("2720", 16), ("34", 15), ("37", 15),
               ("6011", 16), ("3528", 16), ("36", 14), ("62", 16)]
_IBAN_LENGTHS = {"DE": 22, "FR": 27, "GB": 22, "NL": 18, "ES": 24, "IT": 27, "BE": 16, "IE": 22}


def luhn_complete(prefix):
    """Appends the one check digit that makes prefix Luhn-valid."""
    for c in "0123456789":
        digits = [int(x) for x in prefix + c][::-1]
        total = sum(d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2) for i, d in enumerate(digits))
        if total % 10 == 0:
            return prefix + c
    raise ValueError(prefix)


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def pan(rng, grouped=None):
    """A made-up Luhn-valid card number in a brand range; sometimes written in groups of four."""
    prefix, length = rng.choice(_PAN_BRANDS)
    number = luhn_complete(prefix + digits(rng, length - len(prefix) - 1))
    if grouped is None:
        grouped = rng.random() < 0.3
    if grouped and length == 16:
        sep = rng.choice(" -")
        return sep.join(number[i:i + 4] for i in range(0, 16, 4))
    return number


def ssn(rng):
    area = rng.choice([n for n in range(101, 899) if n != 666])
    return "%03d-%02d-%04d" % (area, rng.randint(1, 99), rng.randint(1, 9999))


def iban(rng):
    country = rng.choice(sorted(_IBAN_LENGTHS))
    bban = digits(rng, _IBAN_LENGTHS[country] - 4)
    rearranged = bban + "".join(str(ord(c) - 55) for c in country) + "00"
    check = 98 - int(rearranged) % 97
    value = "%s%02d%s" % (country, check, bban)
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


def token(rng, n, alphabet=string.ascii_letters + string.digits):
    return "".join(rng.choice(alphabet) for _ in range(n))


def aws_key_id(rng):
    return "AKIA" + token(rng, 16, string.ascii_uppercase + "234567")


def aws_secret(rng):
    return token(rng, 40, string.ascii_letters + string.digits + "/+")


def hex_token(rng, n=32):
    return token(rng, n, "0123456789abcdef")


def phone(rng):
    return "+1415555%04d" % rng.randint(0, 9999)


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def ident(rng, parts=2):
    return "_".join(rng.choice(WORDS) for _ in range(parts))


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


def pascal(name):
    return "".join(p.capitalize() for p in name.split("_"))
