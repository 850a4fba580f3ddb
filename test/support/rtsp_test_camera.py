"""A real RTSP camera for tests: GStreamer's RTSP server serving an H.264 test pattern at /live.

Usage: rtsp_test_camera.py [--port N] [--username U --password P]
Prints `PORT <n>` on stdout once the server is attached, then serves until killed.
"""
import argparse
import sys

import gi

gi.require_version('Gst', '1.0')
gi.require_version('GstRtspServer', '1.0')
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

PIPELINE = (
    '( videotestsrc is-live=true pattern=ball '
    '! video/x-raw,width=320,height=240,framerate=15/1 '
    '! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=30 bitrate=400 '
    '! video/x-h264,profile=baseline '
    '! rtph264pay name=pay0 pt=96 config-interval=1 )'
)


def protect(server, factory, username, password):
    """Basic auth: only the given user may open /live; anyone else gets 401."""
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, 'camera-user')
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic(username, password), token)
    server.set_auth(auth)
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_role_from_structure(Gst.Structure.new_from_string(
        'camera-user, media.factory.access=(boolean)true, media.factory.construct=(boolean)true'))
    factory.set_permissions(permissions)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--port', type=int, default=0)
    parser.add_argument('--username')
    parser.add_argument('--password')
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address('127.0.0.1')
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(PIPELINE)
    factory.set_shared(True)
    if args.username is not None:
        protect(server, factory, args.username, args.password or '')
    server.get_mount_points().add_factory('/live', factory)
    if server.attach(None) == 0:
        print('ERROR could not attach the RTSP server', flush=True)
        sys.exit(1)
    print(f'PORT {server.get_bound_port()}', flush=True)
    GLib.MainLoop().run()


if __name__ == '__main__':
    main()
