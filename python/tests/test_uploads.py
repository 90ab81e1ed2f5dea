"""Files with a request: an MMS with an image and a sender name's document, given as bytes, a
path and an open file, posted as the multipart bodies the library builds; the emulator keeps
what it received. Bad files are typed errors naming the file."""

import json
import urllib.request

import pytest

import smsc_core
from smsc_core import Client

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def post(request, files):
    multipart = request.with_files(files)
    http = urllib.request.Request(
        multipart.url, data=multipart.body, headers=multipart.headers, method=multipart.method
    )
    with urllib.request.urlopen(http) as resp:
        return request.parse(resp.status, resp.read())


def uploads(base_url):
    with urllib.request.urlopen(f"{base_url}/emulator/uploads") as resp:
        return json.load(resp)["uploads"]


def test_an_mms_with_an_image_and_sender_documents_arrive_as_sent(base_url, tmp_path):
    client = Client("demo", "demo-password", base_url=base_url)
    mms = client.send_mms("79991234567", "Look", subj="Photo")
    assert post(mms, [("фото.jpg", JPEG)])["sms_count"] == 1
    path = tmp_path / "certificate.pdf"
    path.write_bytes(b"%PDF-1.4 trademark")
    post(client.sender_add(sender="SHOP"), [path])
    with path.open("rb") as f:
        post(client.sender_add(sender="SHOP2"), [f])
    got = uploads(base_url)
    assert [
        (u["script"], u["field"], u["filename"], u["content_type"], u["size"]) for u in got
    ] == [
        ("send.php", "file0", "фото.jpg", "image/jpeg", len(JPEG)),
        ("senders.php", "file0", "certificate.pdf", "application/pdf", 18),
        ("senders.php", "file0", "certificate.pdf", "application/pdf", 18),
    ]


def test_the_body_carries_the_request_and_stays_out_of_reprs():
    req = Client("demo", "s3cret").send_mms("79991234567", "Look", subj="Photo")
    multipart = req.with_files([("a.png", b"png", "image/png")], boundary="XYZ")
    assert multipart.headers == {"Content-Type": "multipart/form-data; boundary=XYZ"}
    assert b'name="psw"\r\n\r\ns3cret\r\n' in multipart.body
    assert multipart.body.endswith(b"--XYZ--\r\n")
    assert "s3cret" not in repr(multipart)


@pytest.mark.parametrize(
    ("files", "field", "words"),
    [
        ([("a.jpg", b"")], "files[0]", "empty"),
        ([("../a.jpg", b"x")], "files[0]", "bare name"),
        ([("a.exe", b"x")], "files[0]", "not a type"),
        ([("a.jpg", "text")], "files[0]", "bytes"),
        ([42], "files[0]", "path"),
        (["/no/such/file.jpg"], "files[0]", "cannot be read"),
        ([], "files", "no file"),
        (None, "files", "list of files"),
    ],
)
def test_bad_files_are_typed_errors_naming_the_file(files, field, words):
    req = Client("demo", "pw").send_mms("79991234567", "Look", subj="Photo")
    with pytest.raises(smsc_core.InvalidArgumentError, match=words) as caught:
        req.with_files(files)
    assert caught.value.field == field


def test_oversized_sender_documents_and_operations_without_files_are_refused():
    client = Client("demo", "pw")
    with pytest.raises(smsc_core.InvalidArgumentError, match="3 MB"):
        client.sender_add(sender="SHOP").with_files([("doc.pdf", b"x" * (3 * 1024 * 1024 + 1))])
    with pytest.raises(smsc_core.InvalidArgumentError, match="takes no files"):
        client.balance().with_files([("a.jpg", b"x")])
