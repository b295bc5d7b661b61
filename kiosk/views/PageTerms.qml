import QtQuick
import Kiosk

// The glossary words a page uses, as buttons after its text, each saying what its
// word means as its description. A press opens the word's card.
ButtonSection {
    id: section

    required property var terms  // [{key, term, definition}]
    required property NavigationBridge navigation

    objectName: "pageTerms"
    title: qsTr("Words on this page")
    namePrefix: "pageTerm_"
    entries: terms.map(t => ({ key: t.key, text: t.term, description: t.definition }))
    onChosen: (key) => section.navigation.openTerm(key)
}
