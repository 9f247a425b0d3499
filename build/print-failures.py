#!/usr/bin/env python3
"""Prints the failed tests of TRX files last, name, message and the first lines of the stack trace, so that a log
read from its tail (CI shows the end) names what failed; the console logger prints them where they happened, among
hundreds of passed lines."""
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
failed = []
for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") != "Failed":
            continue
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
        stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", default="", namespaces=ns).strip().splitlines()
        failed.append((result.get("testName"), result.get("duration"), message, stack[:8]))
if failed:
    print(f"\n{len(failed)} failed test(s):")
    for name, duration, message, stack in failed:
        print(f"\nFAILED {name} ({duration})")
        print("\n".join("  " + line for line in message.splitlines()[:40]))
        print("\n".join("    " + line for line in stack))
