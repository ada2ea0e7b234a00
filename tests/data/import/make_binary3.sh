#!/bin/sh
# The third corpus (make_corpus3.py) as Word 97-2003 binary (.doc), and its WPS-made 发言提纲 as .wps beside its
# .docx, sharing its .json (WPS 文字 saves .wps in the same binary format), with LibreOffice. Run after make_corpus3.py. The generated files are
# committed: the test suite never needs LibreOffice.
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
for name in shuzhi_bold_yishi zeren_autonum_dot duizhao_bold_headings tigang_colon_leads_wps zongjie_parts \
            tigang_tracked shuzhi_outline_styles zeren_autonum_bold_leads zongjie_wps_sign_box zongjie_heading_break \
            shuzhi_recipient_attach_doc; do
    soffice --headless --norestore -env:UserInstallation=file://$out/profile \
        --convert-to 'doc:MS Word 97' --outdir "$out" "$here/$name.docx" >/dev/null
done
for name in shuzhi_bold_yishi zeren_autonum_dot duizhao_bold_headings zongjie_parts tigang_tracked shuzhi_outline_styles \
            zeren_autonum_bold_leads zongjie_wps_sign_box zongjie_heading_break shuzhi_recipient_attach_doc; do
    cp "$out/$name.doc" "$here/${name}_97.doc"
    cp "$here/$name.json" "$here/${name}_97.json"
done
cp "$out/tigang_colon_leads_wps.doc" "$here/tigang_colon_leads_wps.wps"
rm -rf "$out"
