from django.db import migrations

SDGS = [
    (1, "Geen armoede", "No poverty"),
    (2, "Geen honger", "Zero hunger"),
    (3, "Goede gezondheid en welzijn", "Good health and well-being"),
    (4, "Kwaliteitsonderwijs", "Quality education"),
    (5, "Gendergelijkheid", "Gender equality"),
    (6, "Schoon water en sanitair", "Clean water and sanitation"),
    (7, "Betaalbare en duurzame energie", "Affordable and clean energy"),
    (8, "Eerlijk werk en economische groei", "Decent work and economic growth"),
    (9, "Industrie, innovatie en infrastructuur", "Industry, innovation and infrastructure"),
    (10, "Ongelijkheid verminderen", "Reduced inequalities"),
    (11, "Duurzame steden en gemeenschappen", "Sustainable cities and communities"),
    (12, "Verantwoorde consumptie en productie", "Responsible consumption and production"),
    (13, "Klimaatactie", "Climate action"),
    (14, "Leven in het water", "Life below water"),
    (15, "Leven op het land", "Life on land"),
    (16, "Vrede, justitie en sterke publieke diensten",
     "Peace, justice and strong institutions"),
    (17, "Partnerschap om doelstellingen te bereiken", "Partnerships for the goals"),
]

COUNTRIES = [
    ("BD", "Bangladesh", "Bangladesh", False), ("BF", "Burkina Faso", "Burkina Faso", False),
    ("BI", "Burundi", "Burundi", False), ("CD", "Congo (DRC)", "Congo (DRC)", False),
    ("CO", "Colombia", "Colombia", False), ("ET", "Ethiopië", "Ethiopia", False),
    ("GH", "Ghana", "Ghana", False), ("GT", "Guatemala", "Guatemala", False),
    ("IN", "India", "India", False), ("ID", "Indonesië", "Indonesia", False),
    ("KE", "Kenia", "Kenya", False), ("LB", "Libanon", "Lebanon", False),
    ("ML", "Mali", "Mali", False), ("MZ", "Mozambique", "Mozambique", False),
    ("MM", "Myanmar", "Myanmar", False), ("NP", "Nepal", "Nepal", False),
    ("NE", "Niger", "Niger", False), ("NG", "Nigeria", "Nigeria", False),
    ("UG", "Oeganda", "Uganda", False), ("PS", "Palestijnse Gebieden",
                                             "Palestinian Territories", False),
    ("RW", "Rwanda", "Rwanda", False), ("SN", "Senegal", "Senegal", False),
    ("SL", "Sierra Leone", "Sierra Leone", False), ("SO", "Somalië", "Somalia", False),
    ("SS", "Zuid-Soedan", "South Sudan", False), ("SY", "Syrië", "Syria", False),
    ("TZ", "Tanzania", "Tanzania", False), ("UA", "Oekraïne", "Ukraine", False),
    ("YE", "Jemen", "Yemen", False), ("ZW", "Zimbabwe", "Zimbabwe", False),
    ("NL", "Nederland", "Netherlands", False),
    ("R-WAF", "West-Afrika", "West Africa", True), ("R-EAF", "Oost-Afrika", "East Africa", True),
    ("R-SAH", "Sahel", "Sahel", True), ("R-MENA", "Midden-Oosten en Noord-Afrika",
                                         "Middle East and North Africa", True),
    ("R-LAC", "Latijns-Amerika", "Latin America", True),
    ("R-SEA", "Zuidoost-Azië", "South-East Asia", True),
    ("R-GLOB", "Wereldwijd", "Global", True),
]


def seed(apps, schema_editor):
    SDG = apps.get_model("portal", "SustainableDevelopmentGoal")
    Country = apps.get_model("portal", "Country")
    for number, nl, en in SDGS:
        SDG.objects.update_or_create(number=number, defaults={"name_nl": nl, "name_en": en})
    for code, nl, en, region in COUNTRIES:
        Country.objects.update_or_create(
            code=code, defaults={"name_nl": nl, "name_en": en, "is_region": region}
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0002_country_sustainabledevelopmentgoal_themetag")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
