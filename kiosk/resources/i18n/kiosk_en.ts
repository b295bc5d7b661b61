<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>IdleWarning</name>
    <message numerus="yes">
        <source>To keep your information private, this screen will clear and start over in %n second(s).</source>
        <translation>
            <numerusform>To keep your information private, this screen will clear and start over in %n second.</numerusform>
            <numerusform>To keep your information private, this screen will clear and start over in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
