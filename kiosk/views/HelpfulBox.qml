import QtQuick
import QtQuick.Layouts
import Kiosk

// "Was this page helpful?" at the end of a page or tour step: two large buttons, words
// and a face each, one answer per page per visit, then a thank-you line. Nothing else is
// asked, and the answer is only counted (kiosk.usage), never linked to anything else.
ColumnLayout {
    id: box

    required property UsageBridge usage
    required property string pageId

    readonly property bool answered: usage.answered.indexOf(pageId) >= 0

    function answer(helpful) {
        box.usage.answer(box.pageId, helpful)
        thanks.forceActiveFocus(Qt.OtherFocusReason)  // a screen reader says the thank-you
    }

    objectName: "helpful"
    visible: usage.asking && pageId !== ""
    spacing: Theme.gapMedium

    HeadingText {
        id: question
        Layout.fillWidth: true
        visible: !box.answered
        //: Asked once at the end of every page and tour step
        text: qsTr("Was this page helpful?")
        font.pixelSize: Theme.boxTitleFont
    }
    Flow {
        Layout.fillWidth: true
        visible: !box.answered
        spacing: Theme.spacing
        // A screen reader hears the question with each answer: "Was this page helpful?, Yes".
        Accessible.role: Accessible.Grouping
        Accessible.name: question.text
        KioskButton {
            objectName: "helpfulYes"
            //: Answer to "Was this page helpful?"
            text: qsTr("Yes")
            iconName: "face-glad"
            onClicked: box.answer(true)
        }
        KioskButton {
            objectName: "helpfulNo"
            //: Answer to "Was this page helpful?": it did not help much
            text: qsTr("Not really")
            iconName: "face-unsure"
            onClicked: box.answer(false)
        }
    }
    BodyText {
        id: thanks
        objectName: "helpfulThanks"
        Layout.fillWidth: true
        visible: box.answered
        //: After a patient answered "Was this page helpful?"
        text: qsTr("Thank you for telling us.")
        font.bold: true
        Accessible.focusable: true  // it takes the focus from the answer that went
    }
}
