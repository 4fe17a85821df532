#!/usr/bin/env python3
"""Regenerates Scoring/grids/rgesn-2024.yaml from the official RGESN 2024 JSON (French texts verbatim; the
English titles in rgesn_titles_en.py are Ecoscore's unofficial translations).
Usage: python3 scripts/data-tools/rgesn-grid.py [path/to/referentiel-ecoconception.json] > Scoring/grids/rgesn-2024.yaml"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rgesn_titles_en import EN

here = os.path.dirname(os.path.abspath(__file__))
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '../../../shared/data/rgesn-2024/referentiel-ecoconception.json')
d = json.load(open(src))

def q(s):  # YAML double-quoted scalar (JSON escaping is valid YAML)
    return json.dumps(s, ensure_ascii=False)

THEMES = [("Stratégie", "strategy", "Strategy"), ("Spécifications", "specifications", "Specifications"),
          ("Architecture", "architecture", "Architecture"), ("UX/UI", "ux-ui", "UX/UI"),
          ("Contenus", "content", "Content"), ("Frontend", "frontend", "Frontend"),
          ("Backend", "backend", "Backend"), ("Hébergement", "hosting", "Hosting"),
          ("Algorithmie", "algorithms", "Algorithms")]
WEIGHT = {"Prioritaire": "1.5", "Recommandé": "1.25", "Modéré": "1"}

EVIDENCE = {
"3.3": '''        evidence:
          combine: all
          checks:
            - {metric: https.share, op: ">=", value: 1,
               basis: "RGESN 3.3 contrôle: every component works over HTTPS and not HTTP — every request of the profile over https"}
          onFail: non validé
          note:
            fr: "Seul l'usage de HTTPS est mesuré : une requête en HTTP suffit à invalider le critère ; TLS 1.3, IPv6 et l'adéquation des protocoles restent à déclarer."
            en: "Only HTTPS is measured: one plain-HTTP request is enough to fail the criterion; TLS 1.3, IPv6 and the fit of the protocols are for the team to declare."
''',
"4.8": '''        evidence:
          combine: any
          checks:
            - {metric: fonts.bytes, op: "<=", value: 400000,
               basis: "RGESN 4.8 contrôle: downloaded fonts ≤ 400 Ko per page (Ko = 1000 bytes), on the heaviest step"}
            - {metric: fonts.files, op: "<=", value: 4,
               basis: "RGESN 4.8 contrôle: at most two fonts with four variants in all per page; each font file is one variant"}
          onPass: validé
          onFail: non validé
          note:
            fr: "Les familles de polices ne sont pas distinguées : au plus 4 fichiers tient lieu de « 2 polices, 4 variantes »."
            en: "Font families are not told apart: at most 4 files stands for \\"2 fonts, 4 variants\\"."
''',
"5.1": '''        evidence:
          combine: all
          checks:
            - {metric: images.modernShare, op: ">", value: 0.75,
               basis: "RGESN 5.1 contrôle: validated if more than 75 % of raster images are WebP, AVIF or JPEG XL (by count, each image once)"}
          onPass: validé
          onFail: non validé
          whenUndefined: non applicable
          note:
            fr: "Mesuré sur les images du parcours profilé ; sans image matricielle, le critère est pré-rempli « non applicable »."
            en: "Measured on the images of the profiled journey; without a raster image the criterion is pre-filled \\"not applicable\\"."
''',
"6.1": '''        evidence:
          combine: all
          checks:
            - {metric: step.transferBytes, op: "<=", value: 1000000,
               basis: "RGESN 6.1 mise en œuvre: example of a 2 Mo page whose goal would be 1 Mo — every step at most 1 MB (10^6 bytes)"}
            - {metric: step.requests, op: "<", value: 30,
               basis: "RGESN 6.1 mise en œuvre: 'fewer than 30 requests per page instead of 100' — every step under 30 requests"}
          onPass: validé
          onFail: non validé
          note:
            fr: "La mesure vérifie les limites d'exemple du RGESN ; le critère demande aussi de définir et publier ses propres limites dans la déclaration d'écoconception."
            en: "The measurement checks the RGESN's example limits; the criterion also asks the team to define its own limits and publish them in the eco-design declaration."
''',
"6.2": '''        evidence:
          combine: all
          checks:
            - {metric: cache.share, op: ">=", value: 0.95,
               basis: "GreenIT-Analysis CLI: cache headers on less than 95 % of static bytes rates B; 5 % tolerance for resources the service may not control"}
          onPass: validé
          onFail: non validé
''',
"6.3": '''        evidence:
          combine: all
          checks:
            - {metric: compression.share, op: ">=", value: 0.95,
               basis: "GreenIT-Analysis: compression of compressible resources over 150 B on less than 95 % by size rates B"}
          onPass: validé
          onFail: non validé
''',
"6.7": '''        evidence:
          combine: all
          checks:
            - {metric: http2.share, op: ">=", value: 1,
               basis: "RGESN 6.7 contrôle: all resources support HTTP/2 or HTTP/3"}
            - {metric: static.domains, op: "<=", value: 1,
               basis: "RGESN 6.7 contrôle: static resources, third parties excepted, come from a single domain name (hosts the profiler did not contact are third parties)"}
          onPass: validé
          onFail: non validé
''',
}

out = []
w = out.append
w('''# RGESN 2024 — Référentiel général d'écoconception de services numériques (Arcep / Arcom, May 2024).
# Converted from the official data, shared/data/rgesn-2024/referentiel-ecoconception.json (MiNumEco site
# repository, Licence Ouverte / Etalab 2.0): the 78 criteria with their French texts VERBATIM (question,
# objective, implementation, check, applicability), theme, priority, difficulty and roles. Do not edit the French
# texts by hand: Tests/ScoringTests/RGESN checks them against the official file.
# Official weighting and formula (the regulator's declaration workbook): Prioritaire 1.5, Recommandé 1.25,
# Modéré 1; score = weighted points of "Validé" ÷ weighted points of every criterion not "Non applicable" × 100,
# globally and per theme (100.25 weighted points when every criterion applies). No letter grade is official.
# Ecoscore's own: the English titles (short unofficial translations) and the `evidence` blocks that pre-fill
# criteria 3.3, 4.8, 5.1, 6.1, 6.2, 6.3 and 6.7 from a profile, with the limits named in each `basis`.
format: 1
id: rgesn-2024
version: "2024.1"
title:
  fr: "RGESN 2024 — Référentiel général d'écoconception de services numériques"
  en: "RGESN 2024 — French general eco-design reference for digital services"
description:
  fr: "78 critères déclaratifs en 9 thématiques, pondérés selon leur priorité ; certains sont pré-remplis à partir des mesures d'Ecoscore."
  en: "78 declarative criteria in 9 themes, weighted by priority; some are pre-filled from Ecoscore's measurements."
source: "Arcep / Arcom, RGESN 2024 (May 2024), data from the MiNumEco site repository (referentiel-ecoconception.json)"
licence: "Licence Ouverte / Etalab 2.0 (official texts); Ecoscore for the English titles and pre-fill rules"
official:
  fr: "Officiel : les 78 critères et leurs textes français, les thématiques, les priorités, les poids (1,5 / 1,25 / 1), les statuts de réponse et la formule de score. Propre à Ecoscore : les titres anglais (traductions non officielles), les règles de pré-remplissage et leurs seuils, le compte des critères sans réponse comme « À évaluer »."
  en: "Official: the 78 criteria and their French texts, the themes, the priorities, the weights (1.5 / 1.25 / 1), the answer statuses and the score formula. Ecoscore's own: the English titles (unofficial translations), the pre-fill rules and their limits, counting unanswered criteria as \\"À évaluer\\"."

scoring:
  # The official formula counts every criterion that is not "Non applicable" in the denominator: a criterion
  # nobody answered is "À évaluer" there, 0 points. Ecoscore lists it as unanswered and counts it the same way.
  unanswered: zero

parameters:
  metrics:
    compression:
      # GreenIT-Analysis' compression rule: compressible resources over 150 B; encodings br, gzip, deflate,
      # compress, plus zstd (RFC 8878), which current browsers send in Accept-Encoding.
      minBytes: 150
      encodings: [br, gzip, deflate, compress, zstd]
      compressibleTypes: ["text/", "application/javascript", "application/x-javascript", "application/ecmascript",
                          "application/json", "application/ld+json", "application/manifest+json", "application/xml",
                          "application/xhtml+xml", "application/rss+xml", "application/atom+xml", "image/svg+xml",
                          "image/x-icon", "image/vnd.microsoft.icon", "image/bmp", "application/wasm", "font/ttf",
                          "font/otf", "application/vnd.ms-fontobject", "application/x-font-ttf"]
    cache:
      staticTypes: [stylesheet, script, image, font, media]
    images:
      # RGESN 5.1: WebP, AVIF, JPEG XL are the efficient raster formats. SVG is vector; icons are left out.
      modernTypes: [image/webp, image/avif, image/jxl]
      modernExtensions: [webp, avif, jxl]
      excludedTypes: [image/svg+xml, image/x-icon, image/vnd.microsoft.icon]
      excludedExtensions: [svg, svgz, ico]
    protocols:
      multiplexed: ["HTTP/2", "HTTP/3"]
    staticResources:
      types: [stylesheet, script, image, font, media]

answerSets:
  rgesn:
    - {id: validé, label: {fr: "Validé", en: "Validated"}, points: 1, aliases: [valide, validated]}
    - {id: en cours, label: {fr: "En cours", en: "In progress"}, points: 0, aliases: [en-cours, in progress]}
    - {id: non validé, label: {fr: "Non validé", en: "Not validated"}, points: 0, aliases: [non valide, non-validé, not validated]}
    - {id: non applicable, label: {fr: "Non applicable", en: "Not applicable"}, notApplicable: true, aliases: [n/a, na, not applicable]}
    - {id: à évaluer, label: {fr: "À évaluer", en: "To be evaluated"}, points: 0, undetermined: true, aliases: [a evaluer, to be evaluated]}

families:''')
for fr_theme, fid, en_theme in THEMES:
    crits = [c for c in d if c['thematique'] == fr_theme]
    w(f'''  - id: {fid}
    title: {{fr: {q(fr_theme)}, en: {q(en_theme)}}}
    criteria:''')
    for c in crits:
        n = c['numero']
        w(f'''      - id: {q(n)}
        kind: declared
        title:
          fr: {q(c['critere'])}
          en: {q(EN[n])}
        weight: {WEIGHT[c['priorite']]}
        answers: rgesn
        meta: {{priorité: {q(c['priorite'])}, difficulté: {q(c['difficulte'])}, métiers: {q(c['metiers'])}}}
        help:
          applicability: {{fr: {q(c['cible'])}}}
          objective: {{fr: {q(c['objectif'])}}}
          implementation: {{fr: {q(c['miseEnOeuvre'])}}}
          check: {{fr: {q(c['controle'])}}}''')
        if n in EVIDENCE:
            w(EVIDENCE[n].rstrip('\n'))
sys.stdout.write('\n'.join(out) + '\n')
