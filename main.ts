import { App } from "cdktf";
import { defineStacks } from "./stacks/app";

const app = new App();
defineStacks(app);
app.synth();
