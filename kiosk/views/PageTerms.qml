pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The glossary words a page uses, as buttons after its text: Tab and a screen
// reader reach them, which the words inside rich text they cannot, and each button
// says what its word means as its description. A tap opens the word's card.
ColumnLayout {
    id: section

    required property var terms  // [{key, term, definition}]
    required property NavigationBridge navigation

    objectName: "pageTerms"
    visible: terms.length > 0
    spacing: Theme.gapMedium

    HeadingText {
        Layout.fillWidth: true
        text: "Words on this page"
        font.pixelSize: Theme.boxTitleFont
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.gapMedium
        Repeater {
            model: section.terms
            KioskButton {
                required property var modelData
                objectName: "pageTerm_" + modelData.key
                text: modelData.term
                Accessible.description: modelData.definition
                onClicked: section.navigation.openTerm(modelData.key)
            }
        }
    }
}
