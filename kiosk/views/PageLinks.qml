import QtQuick
import Kiosk

// The pages a page links to, as buttons after its text.
ButtonSection {
    id: section

    required property var links  // [{id, title}]
    required property NavigationBridge navigation

    objectName: "pageLinks"
    title: qsTr("Read next")
    namePrefix: "pageLink_"
    iconName: "next"
    entries: links.map(link => ({ key: link.id, text: link.title }))
    onChosen: (key) => section.navigation.openPage(key)
}
