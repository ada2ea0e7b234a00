#!/bin/sh
# Convert some corpus .docx files to Word 97-2003 binary (.doc) with LibreOffice, and one to .wps (WPS 文字
# writes .wps in the same binary format). Run after make_corpus.py, from anywhere; needs network for apt once.
# The generated files are committed: the test suite never needs LibreOffice.
set -e
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v soffice >/dev/null 2>&1; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-writer-nogui
fi
out=$(mktemp -d)
for name in auto_numbering letterhead textbox_letterhead tables revisions \
            attachments deep_levels joint_letterhead inline_box \
            speech_subtitle shuzhi_name wps_plain attachments_many layout_table closing_forms auto_arabic_restart \
            speech_dated work_report_speech bold_colon_leads centred_title; do
    soffice --headless --norestore -env:UserInstallation=file://$out/profile \
        --convert-to 'doc:MS Word 97' --outdir "$out" "$here/$name.docx" >/dev/null
done
for name in auto_numbering letterhead tables revisions attachments deep_levels joint_letterhead \
            inline_box speech_subtitle shuzhi_name wps_plain attachments_many layout_table closing_forms \
            auto_arabic_restart speech_dated work_report_speech bold_colon_leads centred_title; do
    cp "$out/$name.doc" "$here/${name}_97.doc"
    cp "$here/$name.json" "$here/${name}_97.json"
done
# (make_corpus2.py's mixed_numbering stays .docx only too: LibreOffice restarts a list on every paragraph of a
# w:num with a startOverride, and fields_and_rare: LibreOffice updates its DATE field to the day of conversion.)
# (restart_override, style_numbering and heading_styles stay .docx only: LibreOffice reads their shared lists,
# the levels of styles linked to a list and numbering inherited through basedOn differently from Word, and it
# keeps the paragraph mark of a numbered paragraph deleted whole (revised_numbering), so its .doc would not
# show what Word shows.)
# WPS 文字 saves .wps as Word 97 binary: the text box letterhead comes as .wps
cp "$out/textbox_letterhead.doc" "$here/textbox_letterhead_wps.wps"
cp "$here/textbox_letterhead.json" "$here/textbox_letterhead_wps.json"
rm -rf "$out"
