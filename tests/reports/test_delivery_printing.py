"""Printing through CUPS: the commands built, lpstat parsed, every message in both languages."""

from __future__ import annotations

import subprocess

import pytest
from delivery_fakes import FakeRun

from reports.delivery import DeliveryError
from reports.delivery.printing import (
    Printers,
    PrintJob,
    check_copies,
    choose_printer,
    list_printers,
    lp_command,
    parse_lpstat,
    print_file,
)
from workbook.i18n import set_language

LPSTAT = """\
printer HP_LaserJet is idle.  enabled since Thu 03 Dec 2026 08:00:00 AM UTC
printer PDF is idle.  enabled since Thu 03 Dec 2026 08:01:00 AM UTC
printer Old_Canon disabled since Wed 02 Dec 2026 10:00:00 AM UTC -
\treason unknown
system default destination: PDF
"""
NO_SCHEDULER = (1, "no system default destination\n", "lpstat: Scheduler is not running.\n")


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "checklist-快易借-2026-03-15.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    return path


def test_lp_command_default_printer_one_copy_a4(pdf):
    assert lp_command(pdf) == ["lp", "-n", "1", "-o", "media=A4", str(pdf)]


def test_lp_command_chosen_printer_copies_and_title(pdf):
    assert lp_command(pdf, printer="HP_LaserJet", copies=3, title="清单") == [
        "lp", "-d", "HP_LaserJet", "-n", "3", "-o", "media=A4", "-t", "清单", str(pdf),
    ]  # fmt: skip


def test_a_file_named_like_an_option_stays_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    command = lp_command("-n9.pdf")
    assert command[-1] == str(tmp_path / "-n9.pdf")
    assert command.count("-n") == 1


@pytest.mark.parametrize("copies", [0, 100, -1, "two", "", "1.5"])
def test_copies_outside_1_to_99_are_refused_in_both_languages(copies):
    set_language("en")
    with pytest.raises(DeliveryError) as en:
        check_copies(copies)
    assert en.value.reason == "bad-copies"
    assert en.value.message == "Copies must be a whole number from 1 to 99."
    set_language("zh")
    with pytest.raises(DeliveryError) as zh:
        check_copies(copies)
    assert zh.value.message == "份数须为 1 到 99 之间的整数。"


def test_copies_as_typed():
    assert check_copies(" 2 ") == 2
    assert check_copies(99) == 99


def test_parse_lpstat_lists_printers_default_and_disabled():
    printers = parse_lpstat(LPSTAT)
    assert printers.names == ("HP_LaserJet", "PDF", "Old_Canon")
    assert printers.default == "PDF"
    assert printers.disabled == {"Old_Canon"}


def test_parse_lpstat_without_default():
    printers = parse_lpstat("printer A is idle.\nno system default destination\n")
    assert printers == Printers(("A",), None)


def test_lpstat_is_run_in_the_c_locale():
    run = FakeRun((0, LPSTAT, ""))
    list_printers(run=run, environ={"LANG": "zh_CN.UTF-8", "CUPS_SERVER": "/tmp/cups.sock"})
    argv, kwargs = run.calls[0]
    assert argv == ["lpstat", "-p", "-d"]
    assert kwargs["env"]["LC_ALL"] == "C"
    assert kwargs["env"]["CUPS_SERVER"] == "/tmp/cups.sock"  # a chosen server is kept


def _refusal(run, lang):
    set_language(lang)
    with pytest.raises(DeliveryError) as caught:
        list_printers(run=run, environ={})
    return caught.value


def test_no_print_system_says_how_to_install_and_what_to_do_instead():
    en = _refusal(FakeRun(FileNotFoundError("lpstat")), "en")
    assert en.reason == "no-print-system"
    assert "apt-get install cups-client" in en.message
    assert en.message.endswith("Or send the file to your own computer and print it there.")
    zh = _refusal(FakeRun(FileNotFoundError("lpstat")), "zh")
    assert "没有打印系统" in zh.message and "apt-get install cups-client" in zh.message
    assert zh.message.endswith("或者把文件传到您自己的电脑上再打印。")


def test_print_service_not_running():
    en = _refusal(FakeRun(NO_SCHEDULER), "en")
    assert en.reason == "print-service-down"
    assert "not running" in en.message and "systemctl start cups" in en.message
    zh = _refusal(FakeRun(NO_SCHEDULER), "zh")
    assert "打印服务（CUPS）没有运行" in zh.message


def test_a_hung_print_service_is_not_waited_for_forever():
    en = _refusal(FakeRun(subprocess.TimeoutExpired("lpstat", 60)), "en")
    assert en.reason == "print-service-down"


def test_no_printer_set_up():
    answer = (1, "no system default destination\n", "lpstat: No destinations added.\n")
    en = _refusal(FakeRun(answer), "en")
    assert en.reason == "no-printer"
    assert en.message.startswith("No printer is set up on this computer.")
    zh = _refusal(FakeRun(answer), "zh")
    assert zh.message.startswith("这台电脑上还没有设置打印机。")


def test_choose_printer():
    printers = parse_lpstat(LPSTAT)
    assert choose_printer(printers, None) == "PDF"
    assert choose_printer(printers, "HP_LaserJet") == "HP_LaserJet"
    assert choose_printer(Printers(("Only",), None), None) == "Only"


def test_an_unknown_printer_lists_the_real_ones():
    set_language("en")
    with pytest.raises(DeliveryError) as en:
        choose_printer(parse_lpstat(LPSTAT), "Ricoh")
    assert en.value.reason == "unknown-printer"
    assert en.value.message == (
        "There is no printer named Ricoh. The printers here: HP_LaserJet, PDF, Old_Canon."
    )
    set_language("zh")
    with pytest.raises(DeliveryError) as zh:
        choose_printer(parse_lpstat(LPSTAT), "Ricoh")
    assert zh.value.message == "没有名为 Ricoh 的打印机。这里的打印机：HP_LaserJet, PDF, Old_Canon。"


def test_no_default_among_several_asks_to_choose():
    set_language("en")
    with pytest.raises(DeliveryError) as en:
        choose_printer(Printers(("A", "B")), None)
    assert en.value.reason == "no-default-printer"
    assert en.value.message == "No default printer is set; choose one of: A, B."
    set_language("zh")
    with pytest.raises(DeliveryError) as zh:
        choose_printer(Printers(("A", "B")), None)
    assert zh.value.message == "没有设置默认打印机，请从中选择一台：A, B。"


def test_print_file_returns_the_job_id(pdf):
    run = FakeRun((0, LPSTAT, ""), (0, "request id is PDF-7 (1 file(s))\n", ""))
    job = print_file(pdf, copies=2, run=run, environ={})
    assert job == PrintJob("PDF-7", "PDF", 2)
    argv, kwargs = run.calls[1]
    assert argv == ["lp", "-d", "PDF", "-n", "2", "-o", "media=A4", "-t", pdf.name, str(pdf)]
    assert kwargs["env"]["LC_ALL"] == "C"
    set_language("en")
    assert job.message() == "Sent to the printer PDF (2 copies), job PDF-7."
    set_language("zh")
    assert job.message() == "已发送到打印机 PDF（2 份），任务号 PDF-7。"


def test_print_file_on_a_chosen_printer(pdf):
    run = FakeRun((0, LPSTAT, ""), (0, "request id is HP_LaserJet-1 (1 file(s))\n", ""))
    assert print_file(pdf, printer="HP_LaserJet", run=run, environ={}).job_id == "HP_LaserJet-1"
    assert run.calls[1][0][:3] == ["lp", "-d", "HP_LaserJet"]


def test_lp_refusing_the_job_is_reported_with_its_reason(pdf):
    failed = (1, "", "lp: The printer or class is not accepting jobs.\n")
    set_language("en")
    with pytest.raises(DeliveryError) as en:
        print_file(pdf, run=FakeRun((0, LPSTAT, ""), failed), environ={})
    assert en.value.reason == "print-failed"
    assert en.value.message == (
        "The print system did not take the file: lp: The printer or class is not accepting "
        "jobs. Or send the file to your own computer and print it there."
    )
    set_language("zh")
    with pytest.raises(DeliveryError) as zh:
        print_file(pdf, run=FakeRun((0, LPSTAT, ""), failed), environ={})
    assert zh.value.message.startswith("打印系统未接受该文件：lp: The printer")


def test_lp_answering_without_a_job_id_is_not_a_success(pdf):
    with pytest.raises(DeliveryError) as caught:
        print_file(pdf, run=FakeRun((0, LPSTAT, ""), (0, "", "")), environ={})
    assert caught.value.reason == "print-failed"


def test_a_missing_file_is_not_sent(tmp_path):
    set_language("en")
    run = FakeRun()
    with pytest.raises(DeliveryError) as caught:
        print_file(tmp_path / "gone.pdf", run=run, environ={})
    assert caught.value.reason == "no-file"
    assert caught.value.message == f"There is no file to print at {tmp_path / 'gone.pdf'}."
    assert run.calls == []
    set_language("zh")
    with pytest.raises(DeliveryError) as zh:
        print_file(tmp_path / "gone.pdf", run=run, environ={})
    assert zh.value.message.endswith("处没有可打印的文件。")
