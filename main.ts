// First: it keeps cdktf from loading dependencies this app never uses (see the file).
import "./stacks/defer-cdktf-dependencies";
import { App } from "cdktf";
import { defineStacks } from "./stacks/app";

const app = new App();
defineStacks(app);
app.synth();
