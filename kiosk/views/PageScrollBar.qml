import QtQuick
import QtQuick.Controls.Basic

// Where the reader is in a long page: shown only when there is more to scroll,
// and dark enough to be seen (3:1 against the page).
ScrollBar {
    id: bar

    required property Flickable flickable

    width: Theme.scrollBarWidth
    policy: flickable.contentHeight > flickable.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
    interactive: false
    Accessible.name: qsTr("How far down the page you are")
    contentItem: Rectangle {
        objectName: "scrollHandle"
        implicitWidth: Theme.scrollBarWidth
        radius: width / 2
        color: Theme.controlBorder
    }
}
