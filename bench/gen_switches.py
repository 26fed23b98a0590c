#!/usr/bin/env python3
"""Generates the N-function template of gen_functions.py with K parameter
switches: K String parameters without a default choice, a condition on each,
and functions whose environment depends on those conditions (2^K condition
scenarios). Usage: gen_switches.py N K [--network] > template.yaml

--network: the first two switches are the ones templates have in practice:
UseNat (every NAT gateway, its Elastic IP and the private default routes
carry `Condition: UseNat`) and EnableVpc (every function's VpcConfig is
`!If [EnableVpc, {...}, !Ref AWS::NoValue]`); the other K-2 switch the
functions' environment as without it."""
import subprocess
import sys
import os

args = [a for a in sys.argv[1:] if not a.startswith("--")]
network = "--network" in sys.argv[1:]
n, k = int(args[0]), int(args[1])
base = subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_functions.py"), str(n)],
                      capture_output=True, text=True, check=True).stdout.splitlines()
names = [f"On{j}" for j in range(k)]
if network and k >= 2:
    names[0], names[1] = "UseNat", "EnableVpc"
env_switches = names[2:] if network and k >= 2 else names
head = ["Parameters:"]
for j in range(k):
    head += [f"  Switch{j}:", "    Type: String", "    AllowedValues: ['yes', 'no']"]
cond = ["Conditions:"] + [f"  {names[j]}: !Equals [!Ref Switch{j}, 'yes']" for j in range(k)]
out = [base[0]] + (head + cond if k else [])
conditional = False  # inside a resource that UseNat guards
for line in base[1:]:
    if network and k >= 2 and line.startswith("    Type: AWS::EC2::") and line.split("::")[-1] in ("EIP", "NatGateway"):
        out += [line, "    Condition: UseNat"]
        continue
    if network and k >= 2 and line.startswith("  Default") and line.endswith(":"):
        conditional = True
    elif line.startswith("  ") and not line.startswith("   "):
        conditional = False
    out.append(line)
    if conditional and line == "    Type: AWS::EC2::Route":
        out.append("    Condition: UseNat")
    if network and k >= 2 and line.startswith("      VpcConfig: "):
        out[-1] = "      VpcConfig: !If [EnableVpc, " + line[len("      VpcConfig: "):] + ", !Ref AWS::NoValue]"
    # Every function's URL depends on one of the switches.
    if env_switches and line.startswith("      Environment: {Variables: {API_URL:"):
        i = int(line.split("api")[1].split(".")[0])
        out[-1] = (f"      Environment: {{Variables: {{API_URL: !If [{env_switches[i % len(env_switches)]}, "
                   f"'https://api{i}.example.com', 'https://internal{i}.example.com']}}}}")
print("\n".join(out))
