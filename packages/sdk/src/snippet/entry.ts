import { installCairnStub } from './stub.js';

installCairnStub(window);
