#!/usr/bin/env bash
# The "Response Time Percentiles over Time" chart of one request's page of a Gatling report, alone, as a
# PNG, with headless Chromium (the plots in docs/benchmarks.md):
#   src/test/resources/load/plot.sh target/load/<label>/report req_faq-question docs/load-….png
set -e
report=$1; prefix=$2; out=$3
tmp=$(mktemp -d); cp -r "$report"/. "$tmp"/
page=$(ls "$tmp"/${prefix}*.html | head -1)
python3 - "$page" <<'PY'
import sys
p=sys.argv[1]; s=open(p).read()
css="""<style>
.head, .frise, .nav, .sous-menu, .content-header, .statistics, .schema, #RangesContainerId, .infos, .foot, .cadre > .content > .content-in > .container-article > .article > .schema-container > *:not(.responsetime) {display:none !important}
.schema.responsetime {display:block !important}
body {margin:0}
</style>"""
s=s.replace('<div class="schema geant">\n              <div id="responseTimeOverTimeContainerId"','<div class="schema geant responsetime">\n              <div id="responseTimeOverTimeContainerId"')
s=s.replace("</head>", css+"</head>")
open(p,'w').write(s)
PY
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 --screenshot="$out" --window-size=1300,420 "file://$page" 2>/dev/null
rm -rf "$tmp"
