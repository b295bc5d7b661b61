pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The request form. What is typed lives only in these fields: the bridge
// checks and saves it, and the screen is destroyed when the patient leaves.
ColumnLayout {
    id: form

    required property ContactFormBridge bridge
    required property ContentBridge content

    // Words typed that "I'm done" would wipe: it asks first.
    readonly property bool typed: name.text !== "" || phone.text !== "" || email.text !== ""
                                  || message.text !== ""
    property var errors: ({})
    property bool failed: false
    property var chosenTopics: ({})

    signal saved(string method)
    signal problemAt(Item item)  // the first field to fix, to bring into view
    signal keysWanted()  // Enter in the message box: on to the kiosk's keys

    spacing: Theme.spacing * 1.25

    function values() {
        return {
            "name": name.text,
            "phone": phone.text,
            "email": email.text,
            "contactMethod": method.value,
            "bestTime": bestTime.value,
            "topics": Object.keys(chosenTopics).filter(id => chosenTopics[id]),
            "message": message.text,
            "consent": consent.checked
        }
    }

    function send() {
        const result = bridge.submit(values())
        errors = result.errors
        failed = result.failed
        if (result.saved) {
            saved(method.value)
            return
        }
        const order = [["name", name], ["phone", phone], ["email", email],
                       ["contact_method", method], ["best_time", bestTime],
                       ["consent", consent]]
        const first = order.find(pair => errors[pair[0]] !== undefined)
        if (first) {
            problemAt(first[1])
            first[1].focusProblem()  // a keyboard or screen-reader user lands on it
        } else if (failed)
            problemAt(failedNotice)
    }

    // A switch of language with mistakes on show says the same ones again in it.
    Connections {
        target: form.bridge
        function onLanguageChanged() {
            if (Object.keys(form.errors).length === 0)
                return
            const fresh = form.bridge.check(form.values())
            const shown = {}
            for (const field in fresh)
                if (field in form.errors) shown[field] = fresh[field]
            form.errors = shown
        }
    }

    // "A or B or C": each phone number whole, the word between them translated.
    function either(phones) {
        //: Between two phone numbers: call us at %1 or %2
        return phones.length > 0 ? phones.reduce((a, b) => qsTr("%1 or %2").arg(a).arg(b)) : ""
    }

    function errorFor(field) {
        return errors[field] || ""
    }

    ScreenTitle {
        Layout.fillWidth: true
        font.pixelSize: Theme.headingFont
        text: qsTr("Ask us to contact you")
    }
    BodyText {
        Layout.fillWidth: true
        text: qsTr("Leave your name and a phone number or email. The clinic will contact you.")
        color: Theme.muted
    }

    FormField {
        id: name
        objectName: "fieldName"
        Layout.fillWidth: true
        label: qsTr("Your name")
        maximumLength: form.bridge.rules.maxName
        error: form.errorFor("name")
    }
    FormField {
        id: phone
        objectName: "fieldPhone"
        Layout.fillWidth: true
        label: qsTr("Phone number")
        keyboardLayout: "phone"
        maximumLength: form.bridge.rules.maxPhone
        input.inputMethodHints: Qt.ImhDialableCharactersOnly | Qt.ImhNoPredictiveText
                                | Qt.ImhSensitiveData
        error: form.errorFor("phone")
    }
    FormField {
        id: email
        objectName: "fieldEmail"
        Layout.fillWidth: true
        label: qsTr("Email (if you prefer)")
        keyboardLayout: "email"
        maximumLength: form.bridge.rules.maxEmail
        input.inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoPredictiveText
                                | Qt.ImhSensitiveData | Qt.ImhNoAutoUppercase
        error: form.errorFor("email")
    }
    ChoiceRow {
        id: method
        objectName: "method"
        Layout.fillWidth: true
        label: qsTr("How should we reach you?")
        value: form.bridge.rules.defaultMethod
        options: form.bridge.rules.contactMethods
        error: form.errorFor("contact_method")
    }
    ChoiceRow {
        id: bestTime
        objectName: "bestTime"
        Layout.fillWidth: true
        label: qsTr("Best time to reach you")
        value: form.bridge.rules.defaultTime
        options: form.bridge.rules.bestTimes
        error: form.errorFor("best_time")
    }

    BodyText {
        Layout.fillWidth: true
        text: qsTr("What would you like to talk about? (optional)")
        font.bold: true
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.gapMedium
        Accessible.role: Accessible.Grouping
        Accessible.name: qsTr("What would you like to talk about? (optional)")
        Repeater {
            model: form.content.topics
            KioskButton {
                required property string topicId
                required property string title
                objectName: "topic_" + topicId
                text: title
                Accessible.role: Accessible.CheckBox
                checkable: true
                checked: form.chosenTopics[topicId] === true
                onClicked: {
                    const chosen = Object.assign({}, form.chosenTopics)
                    chosen[topicId] = checked
                    form.chosenTopics = chosen
                }
            }
        }
    }

    MessageField {
        id: message
        Layout.fillWidth: true
        onKeysWanted: form.keysWanted()
        maximumLength: form.bridge.rules.maxMessage
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: Theme.gapSmall
        CheckBox {
            id: consent
            objectName: "consent"
            Layout.fillWidth: true
            focusPolicy: Qt.TabFocus
            spacing: Theme.tickGap
            text: qsTr("Yes, the clinic may contact me about this request.")
            Accessible.name: text
            Accessible.description: form.errorFor("consent")
            Keys.onReturnPressed: click()
            Keys.onEnterPressed: click()
            function focusProblem() { forceActiveFocus(Qt.TabFocusReason) }
            indicator: Rectangle {
                implicitWidth: Theme.tickBox
                implicitHeight: Theme.tickBox
                x: consent.leftPadding
                y: (consent.height - height) / 2
                radius: Theme.radiusSmall
                color: consent.checked ? Theme.accent : Theme.surface
                border.width: Theme.line
                border.color: form.errorFor("consent") !== "" ? Theme.noticeBorder : Theme.accent
                FocusRing { shown: consent.visualFocus; cornerRadius: Theme.radiusSmall }
                Image {
                    anchors.centerIn: parent
                    visible: consent.checked
                    source: Theme.icon("check", true)
                    sourceSize: Qt.size(Theme.tickIcon, Theme.tickIcon)
                }
            }
            contentItem: BodyText {
                leftPadding: consent.indicator.width + consent.spacing
                text: consent.text
                verticalAlignment: Text.AlignVCenter
                font.bold: true
            }
        }
        Caption {
            Layout.fillWidth: true
            text: qsTr("Only the clinic can read what you send: it is locked (encrypted) as soon as you tap Send. The clinic uses it only to answer you. This screen forgets it when you are done.")
        }
        FieldError {
            objectName: "consentError"
            Layout.fillWidth: true
            visible: form.errorFor("consent") !== ""
            text: form.errorFor("consent")
        }
    }

    NoticeBox {
        id: failedNotice
        objectName: "saveFailed"
        Layout.fillWidth: true
        visible: form.failed
        //: %1 is the clinic's phone numbers, e.g. "555-0100 or 555-0101"
        text: qsTr("We could not save your request. Please tell the front desk, or call us at %1.")
              .arg(form.either(form.content.clinicPhones))
    }

    KioskButton {
        objectName: "sendRequest"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget * 1.3
        primary: true
        text: qsTr("Send my request")
        iconName: "next"
        onClicked: form.send()
    }
}
