import QtQuick

// A form field's problem, in plain words under it.
Caption {
    font.bold: true
    color: Theme.alertInk
}
