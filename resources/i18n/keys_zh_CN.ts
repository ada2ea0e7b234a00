<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Keys named in menus as on the keycaps (Enter, Delete, Backspace, arrows), not Qt's own 回车/退格/上方向:
     the same words as 帮助 > 快捷键一览 and the README. Compiled to keys_zh_CN.qm with pyside6-lrelease
     (tests/ui/test_window_keys.py checks the two agree); loaded by ui/app.py after Qt's own Chinese. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QShortcut</name>
    <message>
        <source>Return</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>↑</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>↓</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>←</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>→</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
</context>
</TS>
