"""ZMODEM with sz: the command, the messages, and a real transfer to rz over pipes."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import termios

import pytest
from delivery_fakes import FakeRun

from reports.delivery import DeliveryError
from reports.delivery.zmodem import (
    before_message,
    drain_input,
    find_sz,
    missing_message,
    send_zmodem,
    sent_message,
    sz_command,
)
from workbook.i18n import set_language


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "清单 2026-03-15.pdf"
    path.write_bytes(os.urandom(50_000))
    return path


def test_sz_command_binary_escaped_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert sz_command("a.pdf") == ["sz", "--binary", "--escape", str(tmp_path / "a.pdf")]
    assert sz_command("/x/a.pdf", "/usr/bin/sz")[0] == "/usr/bin/sz"


def test_missing_sz_says_how_to_install_it_in_both_languages(pdf):
    set_language("en")
    with pytest.raises(DeliveryError) as en:
        send_zmodem(pdf, which=lambda name: None, run=FakeRun())
    assert en.value.reason == "sz-missing"
    assert "apt-get install lrzsz" in en.value.message and "scp" in en.value.message
    assert en.value.message == missing_message()
    set_language("zh")
    with pytest.raises(DeliveryError) as zh:
        find_sz(lambda name: None)
    assert zh.value.message.startswith("这里没有安装 sz 程序（lrzsz）")
    assert "apt-get install lrzsz" in zh.value.message


def test_sz_runs_on_the_given_terminal(pdf):
    run = FakeRun((0, None, None))
    read, write = os.pipe()
    try:
        send_zmodem(pdf, which=lambda name: f"/usr/bin/{name}", run=run, stdin=read, stdout=write)
    finally:
        os.close(read)
        os.close(write)
    argv, kwargs = run.calls[0]
    assert argv == ["/usr/bin/sz", "--binary", "--escape", str(pdf)]
    assert (kwargs["stdin"], kwargs["stdout"]) == (read, write)


def test_an_unfinished_transfer_is_reported(pdf):
    set_language("en")
    with pytest.raises(DeliveryError) as en:
        send_zmodem(pdf, which=lambda name: "/usr/bin/sz", run=FakeRun((128, None, None)))
    assert en.value.reason == "sz-failed"
    assert en.value.message.startswith("The ZMODEM transfer did not finish (sz exit status 128).")
    set_language("zh")
    with pytest.raises(DeliveryError) as zh:
        send_zmodem(pdf, which=lambda name: "/usr/bin/sz", run=FakeRun((128, None, None)))
    assert zh.value.message.startswith("ZMODEM 传输没有完成（sz 退出状态 128）")


def test_no_file_no_transfer(tmp_path):
    set_language("en")
    run = FakeRun()
    with pytest.raises(DeliveryError) as caught:
        send_zmodem(tmp_path / "gone.pdf", which=lambda name: "/usr/bin/sz", run=run)
    assert caught.value.reason == "no-file"
    assert run.calls == []


def test_messages_in_both_languages():
    set_language("en")
    assert before_message("a.pdf").startswith("Sending a.pdf by ZMODEM: your SSH client")
    assert "Ctrl+X five times" in before_message("a.pdf")
    assert sent_message("a.pdf") == "a.pdf was sent to your computer by ZMODEM."
    set_language("zh")
    assert before_message("a.pdf").startswith("正在用 ZMODEM 发送 a.pdf")
    assert "五次 Ctrl+X" in before_message("a.pdf")
    assert sent_message("a.pdf") == "a.pdf 已通过 ZMODEM 发送到您的电脑。"


@pytest.mark.skipif(not (shutil.which("sz") and shutil.which("rz")), reason="lrzsz is not installed (.ci/run installs it)")
def test_a_real_transfer_arrives_byte_identical(pdf, tmp_path):
    # rz stands in for the SSH client: its input is sz's output and the other way round.
    received = tmp_path / "received"
    received.mkdir()
    to_rz_read, to_rz_write = os.pipe()
    to_sz_read, to_sz_write = os.pipe()
    rz = subprocess.Popen(["rz", "--binary"], cwd=received, stdin=to_rz_read,
                          stdout=to_sz_write, stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(to_rz_read)
    os.close(to_sz_write)
    try:
        send_zmodem(pdf, stdin=to_sz_read, stdout=to_rz_write)
    finally:
        os.close(to_sz_read)
        os.close(to_rz_write)
        assert rz.wait(timeout=30) == 0
    assert (received / pdf.name).read_bytes() == pdf.read_bytes()


def test_what_the_receiver_sends_after_the_end_is_dropped_not_typed():
    # rz's last ZFIN arrives after sz has exited: binary bytes, half a line, in a
    # terminal left in canonical mode. None of it may reach the app as keys.
    master, slave = pty.openpty()
    try:
        before = termios.tcgetattr(slave)
        os.write(master, b"**\x18B0800000000022d\r\x8a\x11" + "半".encode()[:2])
        assert drain_input(slave, quiet=0.1) >= 20
        assert select.select([slave], [], [], 0.1)[0] == []  # nothing left to read
        assert termios.tcgetattr(slave) == before  # the terminal's mode as it was
    finally:
        os.close(master)
        os.close(slave)


def test_drain_leaves_pipes_alone():
    read, write = os.pipe()
    try:
        os.write(write, b"data")
        assert drain_input(read) == 0
        assert os.read(read, 10) == b"data"
    finally:
        os.close(read)
        os.close(write)


def test_after_a_complete_transfer_over_and_out_is_said_again(pdf):
    # A receiver still waiting for "OO" would repeat its ZFIN into the app's input.
    read, write = os.pipe()
    try:
        send_zmodem(pdf, which=lambda name: "/usr/bin/sz", run=FakeRun((0, None, None)), stdout=write)
        assert os.read(read, 10) == b"OO"
    finally:
        os.close(read)
        os.close(write)


def test_no_over_and_out_after_a_failed_transfer(pdf):
    read, write = os.pipe()
    try:
        with pytest.raises(DeliveryError):
            send_zmodem(pdf, which=lambda name: "/usr/bin/sz", run=FakeRun((1, None, None)), stdout=write)
        os.set_blocking(read, False)
        with pytest.raises(BlockingIOError):
            os.read(read, 10)
    finally:
        os.close(read)
        os.close(write)
