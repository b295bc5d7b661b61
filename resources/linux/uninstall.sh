#!/bin/sh
# Remove the clinic kiosk. Also installed as /opt/clinic-kiosk/uninstall.sh.
#
#   sudo ./uninstall.sh           the app, its service and kiosk-admin; keeps the
#                                 settings, contact requests, content and logs
#   sudo ./uninstall.sh --purge   also those, and the kiosk user: export waiting
#                                 contact requests first (kiosk-admin requests export)
#   ./uninstall.sh --prefix DIR   the same for an install made with --prefix DIR
set -eu

usage() {
    echo "usage: uninstall.sh [--purge] [--prefix DIR]" >&2
    exit 2
}

purge=no
root=/
while [ $# -gt 0 ]; do
    case "$1" in
        --purge) purge=yes ;;
        --prefix)
            [ $# -ge 2 ] || usage
            root=$2
            shift
            ;;
        --prefix=*) root=${1#--prefix=} ;;
        -h | --help)
            sed -n '2,8s/^# \{0,1\}//p' "$0"
            exit 0
            ;;
        *) usage ;;
    esac
    shift
done
root=$(cd "$root" && pwd) || exit 1
[ "$root" = / ] && root=
if [ "$(id -u)" -ne 0 ] && [ -z "$root" ]; then
    echo "uninstall.sh: run as root: sudo $0" >&2
    exit 1
fi

if [ -z "$root" ] && [ -e /etc/systemd/system/clinic-kiosk.service ]; then
    systemctl disable --now --quiet clinic-kiosk.service || true
    rm -f /etc/systemd/system/clinic-kiosk.service /etc/pam.d/clinic-kiosk \
        /etc/udev/rules.d/90-clinic-kiosk-usb.rules
    systemctl daemon-reload
    echo "removed the boot service"
fi
rm -rf "$root/opt/clinic-kiosk" "$root/opt/clinic-kiosk.new" "$root/opt/clinic-kiosk.old"
rm -f "$root/usr/local/bin/kiosk-admin"
echo "removed the app from $root/opt/clinic-kiosk"

if [ "$purge" = yes ]; then
    rm -rf "$root/etc/clinic-kiosk" "$root/var/lib/clinic-kiosk" "$root/var/log/clinic-kiosk"
    if [ -z "$root" ] && id kiosk >/dev/null 2>&1; then
        userdel kiosk
    fi
    echo "removed the settings, data and logs"
else
    echo "kept $root/etc/clinic-kiosk, $root/var/lib/clinic-kiosk and $root/var/log/clinic-kiosk (--purge removes them)"
fi
