"""Session names in the UN's other official languages: "Soixante-quatorzième session",
"Septuagésimo cuarto período de sesiones", "Семьдесят четвертая сессия", "الدورة الرابعة
والسبعون", "第七十四届会议"; the ordinals the UN prints, for sessions 1 to 99 (beyond, the number
in figures)."""

from __future__ import annotations

_FR_ONES = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
            "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]  # fmt: skip
_FR_TENS = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante", "soixante", "quatre-vingt",
            "quatre-vingt"]  # fmt: skip


def _french_cardinal(number: int) -> str:
    if number < 20:
        return _FR_ONES[number]
    tens, ones = divmod(number, 10)
    if tens in (7, 9):  # soixante-dix, quatre-vingt-dix: the tens of ten and the teens
        ones += 10
    base = _FR_TENS[tens]
    if ones == 0:
        return "quatre-vingts" if tens == 8 else base
    if ones in (1, 11) and tens not in (8, 9):
        return f"{base} et {_FR_ONES[ones]}"  # "vingt et un", "soixante et onze"
    return f"{base}-{_FR_ONES[ones]}"


def french(number: int) -> str:
    """``74`` -> "soixante-quatorzième", ``80`` -> "quatre-vingtième", ``1`` -> "première"."""
    if number == 1:
        return "première"
    words = _french_cardinal(number)
    if words.endswith("quatre-vingts"):
        return words[:-1] + "ième"
    if words.endswith("cinq"):
        return words + "uième"
    if words.endswith("neuf"):
        return words[:-1] + "vième"
    if words.endswith("e"):
        return words[:-1] + "ième"
    return words + "ième"


_ES_ONES = ["", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"]
_ES_TENS = ["", "décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo",
            "septuagésimo", "octogésimo", "nonagésimo"]  # fmt: skip


def spanish(number: int) -> str:
    """``74`` -> "septuagésimo cuarto", ``80`` -> "octogésimo", ``11`` -> "undécimo" (masculine,
    before "período": "primer", "tercer")."""
    special = {11: "undécimo", 12: "duodécimo"}
    if number in special:
        return special[number]
    tens, ones = divmod(number, 10)
    if tens == 1 and ones:
        return "decimo" + _ES_ONES[ones]
    return " ".join(word for word in (_ES_TENS[tens], _ES_ONES[ones]) if word)


_RU_ORDINAL = ["", "первая", "вторая", "третья", "четвертая", "пятая", "шестая", "седьмая", "восьмая",
               "девятая", "десятая", "одиннадцатая", "двенадцатая", "тринадцатая", "четырнадцатая",
               "пятнадцатая", "шестнадцатая", "семнадцатая", "восемнадцатая", "девятнадцатая"]  # fmt: skip
_RU_TENS_ORDINAL = ["", "", "двадцатая", "тридцатая", "сороковая", "пятидесятая", "шестидесятая",
                    "семидесятая", "восьмидесятая", "девяностая"]  # fmt: skip
_RU_TENS = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
            "восемьдесят", "девяносто"]  # fmt: skip


def russian(number: int) -> str:
    """``74`` -> "семьдесят четвертая", ``80`` -> "восьмидесятая" (feminine, for "сессия")."""
    if number < 20:
        return _RU_ORDINAL[number]
    tens, ones = divmod(number, 10)
    return _RU_TENS_ORDINAL[tens] if ones == 0 else f"{_RU_TENS[tens]} {_RU_ORDINAL[ones]}"


_AR_ORDINAL = ["", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
               "التاسعة", "العاشرة"]  # fmt: skip
_AR_TENS = ["", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون",
            "التسعون"]  # fmt: skip


def arabic(number: int) -> str:
    """``74`` -> "الرابعة والسبعون", ``80`` -> "الثمانون", ``11`` -> "الحادية عشرة" (feminine,
    for "الدورة")."""
    if number <= 10:
        return _AR_ORDINAL[number]
    tens, ones = divmod(number, 10)
    unit = "الحادية" if ones == 1 else _AR_ORDINAL[ones]
    if tens == 1:
        return f"{unit} عشرة"
    return _AR_TENS[tens] if ones == 0 else f"{unit} و{_AR_TENS[tens]}"


_ZH_DIGITS = "零一二三四五六七八九"


def chinese(number: int) -> str:
    """``74`` -> "七十四", ``10`` -> "十", ``80`` -> "八十"."""
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _ZH_DIGITS[tens] + "十")
    return head + (_ZH_DIGITS[ones] if ones else "") if number >= 10 else _ZH_DIGITS[number]


ORDINALS = {"fra": french, "spa": spanish, "rus": russian, "ara": arabic, "zho": chinese}
