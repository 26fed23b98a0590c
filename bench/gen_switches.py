#!/usr/bin/env python3
"""Generates the N-function template of gen_functions.py with K parameter
switches: K String parameters without a default choice, a condition on each,
and functions whose subnets and environment depend on those conditions
(2^K condition scenarios). Usage: gen_switches.py N K > template.yaml"""
import subprocess
import sys
import os

n, k = int(sys.argv[1]), int(sys.argv[2])
base = subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_functions.py"), str(n)],
                      capture_output=True, text=True, check=True).stdout.splitlines()
head = ["Parameters:"]
for j in range(k):
    head += [f"  Switch{j}:", "    Type: String", "    AllowedValues: ['yes', 'no']"]
cond = ["Conditions:"] + [f"  On{j}: !Equals [!Ref Switch{j}, 'yes']" for j in range(k)]
out = [base[0]] + (head + cond if k else [])
for line in base[1:]:
    out.append(line)
    # Every function's URL depends on one of the switches.
    if k and line.startswith("      Environment: {Variables: {API_URL:"):
        i = int(line.split("api")[1].split(".")[0])
        out[-1] = (f"      Environment: {{Variables: {{API_URL: !If [On{i % k}, 'https://api{i}.example.com', "
                   f"'https://internal{i}.example.com']}}}}")
print("\n".join(out))
