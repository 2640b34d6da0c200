// First: it keeps cdktf from loading dependencies this app never uses (see the file).
import "./stacks/defer-cdktf-dependencies";
import { defineStacks } from "./stacks/app";
import { synthesizeApp } from "./stacks/synthesize-app";

process.exitCode = synthesizeApp(defineStacks);
